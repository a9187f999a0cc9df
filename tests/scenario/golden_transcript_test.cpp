// Every scenario's transcript is checked in under tests/golden/ and diffed.
// Regenerate with NETSTAGE_UPDATE_GOLDEN=1 and review the diff before committing.
#include <gtest/gtest.h>

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
    const auto golden = sourceDir() / "tests" / "golden" / (name + ".transcript");
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

INSTANTIATE_TEST_SUITE_P(Scenarios, GoldenTranscript,
                         ::testing::Values("01-smtp-alice-to-bob", "02-pop3-download-and-delete",
                                           "03-pop3-download-and-keep", "07-smtp-relay-retry", "07b-smtp-bounce", "07c-smtp-backup-mx",
                                           "04-imap-folders", "09-imap-idle-push",
                                           "05-ftp-session", "06-ftp-active-vs-passive", "08-ftp-disk-full"),
                         [](const auto& param) {
                             std::string id = param.param;
                             for (char& c : id) c = (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
                             return id;
                         });

}  // namespace
