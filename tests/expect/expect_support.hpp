#pragma once
// A shipped scenario with an expect: list of the test's own in place of its
// shipped one, run and judged.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "simulator/scenario/check_run.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::test_support {

inline std::string shippedScenarioText(const std::string& name) {
    std::ifstream in{sourceDir() / "scenarios" / (name + ".yaml")};
    std::ostringstream text;
    text << in.rdbuf();
    std::string out = text.str();
    // The shipped expectations are the last key of the file.
    if (const auto at = out.find("\nexpect:"); at != std::string::npos) out.resize(at + 1);
    return out;
}

inline scenario::ScenarioSpec scenarioWithExpectations(const std::string& name, const std::string& expectYaml) {
    return scenario::loadScenarioText(shippedScenarioText(name) + "\nexpect:\n" + expectYaml, name + ".yaml");
}

// The verdicts, as a string of P (passed) and F (failed), to compare at a glance.
inline std::string verdicts(const scenario::CheckedRun& run) {
    std::string out;
    for (const auto& r : run.results) out += r.passed ? 'P' : 'F';
    return out;
}

}  // namespace netstage::test_support
