#pragma once
// Runs a scenario and judges expectations against it: the trace recorded in
// memory, and the world as the run left it (mailboxes, FTP files) for what
// the trace does not carry. `netstage check` and the grader come through here.

#include <vector>

#include "simulator/expect/expectation.hpp"
#include "simulator/expect/expectation_result.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::scenario {

struct CheckedRun {
    std::vector<expect::ExpectationResult> results;  // one per expectation, in order
    Time end;
    std::size_t records = 0;
};

// Throws ScenarioError for a world that cannot be built.
CheckedRun checkScenario(const ScenarioSpec& spec, const std::vector<expect::Expectation>& expectations);
inline CheckedRun checkScenario(const ScenarioSpec& spec) { return checkScenario(spec, spec.expectations); }

}  // namespace netstage::scenario
