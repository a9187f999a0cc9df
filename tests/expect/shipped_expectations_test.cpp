// Every shipped scenario pins what its comments promise with an expect:
// list, and every one of those expectations holds.

#include <gtest/gtest.h>

#include "simulator/scenario/check_run.hpp"
#include "tests/scenario/scenario_support.hpp"

using namespace netstage;

namespace {

class ShippedExpectations : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedExpectations, every_expectation_of_the_scenario_passes) {
    const auto spec = scenario::loadScenarioFile((test_support::sourceDir() / "scenarios" / (GetParam() + ".yaml")).string());
    ASSERT_GE(spec.expectations.size(), 3u) << "a shipped scenario pins what it teaches";
    const auto run = scenario::checkScenario(spec);
    ASSERT_EQ(run.results.size(), spec.expectations.size());
    for (std::size_t i = 0; i < run.results.size(); ++i) {
        EXPECT_TRUE(run.results[i].passed) << spec.expectations[i].where.toString() << ": " << run.results[i].reason();
    }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedExpectations, ::testing::ValuesIn(test_support::scenarioNames()),
                         [](const auto& param) { return test_support::testNameOf(param.param); });

}  // namespace
