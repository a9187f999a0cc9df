// Every scenario's transcript is checked in under tests/golden/ and diffed.
// The scenarios are found in scenarios/, so one without a golden file fails.
// Regenerate with NETSTAGE_UPDATE_GOLDEN=1 and review the diff before committing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/scenario/scenario_support.hpp"

using namespace netstage;
using namespace netstage::test_support;

namespace {

class GoldenTranscript : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTranscript, matchesTheCheckedInTranscript) {
    const std::string name = GetParam();
    const auto spec = scenario::loadScenarioFile(scenarioPath(name));
    const auto run = scenario::runScenario(spec, {});
    const std::string actual = transcriptText(run.transcript);
    ASSERT_FALSE(actual.empty());
    const auto golden = goldenTranscriptPath(name);
    if (std::getenv("NETSTAGE_UPDATE_GOLDEN")) {
        std::ofstream{golden, std::ios::binary} << actual;
        GTEST_SUCCEED() << "updated " << golden;
        return;
    }
    std::ifstream in{golden, std::ios::binary};
    ASSERT_TRUE(in) << "missing golden file " << golden << " (run with NETSTAGE_UPDATE_GOLDEN=1 to create it)";
    std::ostringstream expected;
    expected << in.rdbuf();
    EXPECT_EQ(actual, expected.str());
}

// Read at run time, so a scenario added since the test list was made is caught too.
TEST(GoldenTranscripts, everyScenarioInTheLibraryHasOne) {
    const auto names = scenarioNames();
    ASSERT_GE(names.size(), 11u);
    for (const auto& name : names) {
        EXPECT_TRUE(std::filesystem::exists(goldenTranscriptPath(name))) << "scenarios/" << name << ".yaml has no golden transcript";
    }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, GoldenTranscript, ::testing::ValuesIn(scenarioNames()),
                         [](const auto& param) { return testNameOf(param.param); });

}  // namespace
