#pragma once
// `netstage shell SCENARIO --host HOST`: the terminal of a simulated host on
// standard input and output (programs/terminal.hpp), for lab machines
// without a display and for scripts. In a pipe it types each line only when
// a person would (the previous reply has come), and echoes the typed lines
// so the output reads as a terminal shows it. End of input ends the session:
// connections close, the trace is finished and --record written.

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "simulator/core/time.hpp"

namespace netstage::cli {

struct ShellCommandOptions {
    std::string path;
    std::string host;
    std::string speed = "1";
    std::optional<std::uint64_t> seed;
    std::optional<std::string> tracePath;
    std::optional<std::string> pcapPath;
    std::optional<std::string> recordPath;
    // Repeat the typed lines in the output (on when the input is not a terminal, which shows them itself).
    bool echo = true;
    // Standard input's descriptor when it is a terminal: read only when it has
    // a line, so the world runs on while the student thinks. -1: `in` is a
    // pipe or a file, read a line whenever the terminal is ready for one.
    int interactiveFd = -1;
};

// Runs the session; returns the process exit status. `clock` gives the wall
// time (tests pass a made-up one); `sleep` waits on it (tests advance theirs).
int runShellCommand(const ShellCommandOptions& options, std::istream& in, std::ostream& out, std::ostream& err,
                    const std::function<Time()>& clock = {}, const std::function<void(Time)>& sleep = {});

}  // namespace netstage::cli
