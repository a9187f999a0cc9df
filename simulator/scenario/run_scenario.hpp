#pragma once
// Running a scenario from start to end, with the sinks a caller asks for.
// The CLI's `netstage run` and the GUI both come through here.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "simulator/scenario/run_summary.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/trace/record.hpp"
#include "simulator/trace/transcript.hpp"

namespace netstage::scenario {

struct RunOptions {
    std::optional<std::uint64_t> seed;      // overrides the scenario's seed
    std::optional<std::string> tracePath;   // JSON Lines
    std::optional<std::string> pcapPath;
    std::optional<std::string> pcapAtNode;  // capture at this node; default: as every host receives
    bool keepLog = false;                   // keep every record in memory (for the GUI)
    bool transcript = true;                 // collect the C:/S: dialogues (off: no text events at all, fastest)
};

struct ScenarioRun {
    RunSummary summary;
    std::vector<trace::TranscriptBlock> transcript;
    trace::TraceLog log;  // only with keepLog
};

// Throws ScenarioError (bad scenario) or std::runtime_error (an output file cannot be written).
ScenarioRun runScenario(const ScenarioSpec& spec, const RunOptions& options);

// For the GUI: load, run and record; any failure is returned, never thrown.
using LogOrError = std::variant<trace::TraceLog, ScenarioError>;
LogOrError runScenarioToLog(const std::string& path, std::optional<std::uint64_t> seed = std::nullopt);

std::string formatSummary(const ScenarioSpec& spec, const RunSummary& summary);

}  // namespace netstage::scenario
