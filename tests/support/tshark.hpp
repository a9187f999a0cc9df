#pragma once
// Runs tshark (Wireshark's command-line dissector) on a capture, so tests can
// let an independent implementation judge our bytes. A missing tshark is a
// failure the caller must assert on, never a reason to skip.

#include <filesystem>
#include <string>
#include <vector>

namespace netstage::test_support {

struct TsharkResult {
    int exitCode = -1;   // -1: tshark could not be started
    std::string output;  // stdout
    std::string errors;  // stderr, or why it could not be started
};

// Runs `tshark -r capture <arguments...>`; arguments are passed verbatim
// (no shell interpretation).
TsharkResult runTshark(const std::filesystem::path& capture, const std::vector<std::string>& arguments);

// Convenience: lines of stdout with trailing '\r' removed and empty lines dropped.
std::vector<std::string> outputLines(const TsharkResult& result);

}  // namespace netstage::test_support
