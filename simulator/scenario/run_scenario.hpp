#pragma once
// Running a scenario from start to end, with the sinks a caller asks for.
// The CLI's `netstage run` and the GUI both come through here.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

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

struct MailboxCount {
    std::string server;
    std::string mailbox;  // "bob@hamburger.edu"
    std::size_t messages = 0;
};

struct AgentDownloads {
    std::string agent;
    std::vector<std::string> messages;  // what the user agent downloaded, in order
};

struct RunSummary {
    std::uint64_t seed = 0;
    Time end;
    std::uint64_t events = 0;
    std::size_t delivered = 0;   // messages stored in a mailbox during the run
    std::size_t queued = 0;      // still waiting in an outgoing queue at the end
    std::size_t bounced = 0;
    std::size_t relayed = 0;
    std::vector<MailboxCount> mailboxes;
    std::vector<AgentDownloads> downloads;
    std::string fingerprint;
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
