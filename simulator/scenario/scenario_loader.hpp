#pragma once

#include <string>
#include <string_view>

#include "simulator/scenario/scenario_spec.hpp"

namespace netstage::scenario {

// Reads and validates a scenario. Every problem (YAML syntax, a missing or
// unknown key, a wrong type, a bad unit, a reference to an unknown host)
// throws ScenarioError naming file, line and column. Nothing else escapes.
ScenarioSpec loadScenarioFile(const std::string& path);
ScenarioSpec loadScenarioText(std::string_view text, const std::string& fileName);

}  // namespace netstage::scenario
