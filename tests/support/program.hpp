#pragma once
// Running another program from a test: an independent peer (tshark, Python's
// clients, curl) or `netstage` itself. Arguments are passed verbatim, never
// through a shell. A program that cannot be started is a result the caller
// must assert on, never a reason to skip.

#include <chrono>
#include <string>
#include <vector>

namespace netstage::test_support {

struct ProgramResult {
    int exitCode = -1;   // -1: the program could not be started; 128+N: killed by signal N
    std::string output;  // stdout
    std::string errors;  // stderr, or why it could not be started
};

// Runs `argv` (argv[0] is looked up on PATH) with `input` on its standard
// input, and waits for it; after `limit` it is killed (exit 128+9).
ProgramResult runProgram(const std::vector<std::string>& argv, const std::string& input = {},
                         std::chrono::milliseconds limit = std::chrono::seconds{120});

}  // namespace netstage::test_support
