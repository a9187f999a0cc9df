// The GUI's transcript panel shows what `netstage run --transcript` prints:
// for every scenario in scenarios/, the panel's rows, with a blank line
// before each block but the first, are the scenario's golden transcript.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <variant>

#include "gui/model/transcript.hpp"
#include "tests/scenario/scenario_support.hpp"

namespace netstage::gui {
namespace {

using test_support::goldenTranscriptPath;
using test_support::scenarioNames;
using test_support::scenarioPath;
using test_support::testNameOf;

std::string shownText(const Transcript& transcript) {
    std::string text;
    for (const TranscriptRow& row : transcript.rows) {
        if (row.kind != TranscriptRow::Kind::Line && !text.empty()) text += '\n';
        text += row.text + '\n';
    }
    return text;
}

class GuiTranscript : public ::testing::TestWithParam<std::string> {};

TEST_P(GuiTranscript, showsTheGoldenTranscript) {
    const std::string name = GetParam();
    auto run = scenario::runScenarioToLog(scenarioPath(name));
    ASSERT_TRUE(std::holds_alternative<trace::TraceLog>(run)) << std::get<scenario::ScenarioError>(run).what();
    const Transcript transcript = readTranscript(std::get<trace::TraceLog>(run));
    std::ifstream in{goldenTranscriptPath(name), std::ios::binary};
    ASSERT_TRUE(in) << "missing golden file " << goldenTranscriptPath(name);
    std::ostringstream golden;
    golden << in.rdbuf();
    ASSERT_FALSE(transcript.messages.empty());
    EXPECT_EQ(shownText(transcript), golden.str());
}

INSTANTIATE_TEST_SUITE_P(Scenarios, GuiTranscript, ::testing::ValuesIn(scenarioNames()),
                         [](const auto& param) { return testNameOf(param.param); });

}  // namespace
}  // namespace netstage::gui
