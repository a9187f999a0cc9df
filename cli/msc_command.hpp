#pragma once
// `netstage msc`: a run's message sequence chart as SVG, PNG, Mermaid or PlantUML.
// The input is a scenario (run here, in memory) or a JSON Lines trace written
// by `netstage run --trace`; both give the same chart.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "export/msc_export.hpp"
#include "simulator/trace/msc_model.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::cli {

struct MscCommandOptions {
    std::string input;                     // scenario (.yaml) or trace (.jsonl)
    std::string format = "svg";            // svg, png, mermaid, plantuml
    std::string outputPath;                // empty or "-": standard output (never for PNG)
    std::optional<std::uint64_t> seed;     // for a scenario
    bool tcp = false;                      // also TCP segments without payload
    bool tcpOnly = false;                  // only TCP segments, no application messages
    bool perApplication = false;           // one lifeline per application, not per host
    std::vector<std::string> protocols;    // smtp, pop3, imap, ftp, dns
    std::vector<std::string> connections;  // "10.0.1.10:49152-10.0.2.10:25"
};

// Reads a trace (a path ending in .jsonl) or runs a scenario, keeping every record.
// Errors come back as text ("trace.jsonl: line 5: ..." or the scenario's file:line:column).
std::variant<trace::TraceLog, std::string> loadRun(const std::string& path, std::optional<std::uint64_t> seed);

trace::MscOptions mscOptions(const MscCommandOptions& options);

// The PNG step of this build: the PNG library's where Qt is present (built with
// the GUI), none where it is not.
exports::PngRasteriser pngRasteriser();
bool pngExportAvailable();

// The chart in the requested format, through exportMsc; throws std::invalid_argument
// for an unknown or unsupported format.
std::string renderMsc(const trace::TraceLog& log, const MscCommandOptions& options);

// Returns the exit status: 0, 1 (output not written) or 2 (bad input or options).
int runMscCommand(const MscCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace netstage::cli
