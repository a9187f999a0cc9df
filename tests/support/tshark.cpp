#include "tests/support/tshark.hpp"

#include <sstream>

#include "tests/support/program.hpp"

namespace netstage::test_support {

TsharkResult runTshark(const std::filesystem::path& capture, const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{"tshark", "-r", capture.string()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    ProgramResult run = runProgram(argv);
    if (run.exitCode == -1) run.errors = "could not run tshark (is Wireshark's tshark installed and on PATH?): " + run.errors;
    return {run.exitCode, std::move(run.output), std::move(run.errors)};
}

std::vector<std::string> outputLines(const TsharkResult& result) {
    std::vector<std::string> lines;
    std::istringstream in{result.output};
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

}  // namespace netstage::test_support
