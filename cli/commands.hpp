#pragma once

#include <iosfwd>
#include <optional>
#include <cstdint>
#include <string>

namespace netstage::cli {

struct ScenarioOptions {
    std::string path;
    std::optional<std::uint64_t> seed;
    std::optional<std::string> tracePath;
    std::optional<std::string> pcapPath;
    std::optional<std::string> pcapAtNode;  // capture point for pcapPath (default: every receiving host)
    bool transcript = false;
};

// Loads and checks a scenario; prints what it holds, or the error as
// "file:line:column: message". Returns the process exit status.
int validateScenario(const ScenarioOptions& options, std::ostream& out, std::ostream& err);

// Runs a scenario; prints the transcript (with --transcript) or a summary.
// With --transcript, what did not happen (a message not sent, ...) goes to
// `err`, one line each, so a transcript that is empty is never silent.
int runScenarioCommand(const ScenarioOptions& options, std::ostream& out, std::ostream& err);

}  // namespace netstage::cli
