#pragma once
// Reads a scenario's `quiz:` list (docs/quizzes.md). Every host name is
// checked against the scenario and every pattern compiled here, so a mistake
// is a ScenarioError with file:line:column before anything runs. Whether each
// question's event happens is known only after the run (quiz_run.hpp).

#include <vector>

#include "simulator/scenario/quiz_spec.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

std::vector<QuizQuestion> readQuiz(const YamlValue& list, const ScenarioSpec& names);

}  // namespace netstage::scenario
