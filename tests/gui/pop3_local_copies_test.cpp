// Scenario 03: Bob's laptop and phone each download both messages and keep
// them on the server. The copies each client took home are shown on its host.
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "gui/model/host_summary.hpp"
#include "gui/model/playback.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::gui {
namespace {

Playback scenario03() {
    const std::string path = netstage::test_support::scenarioPath("03-pop3-download-and-keep");
    auto result = scenario::runScenarioToLog(path);
    if (!std::holds_alternative<trace::TraceLog>(result)) {
        ADD_FAILURE() << std::get<scenario::ScenarioError>(result).message();
        return Playback{trace::TraceLog{}};
    }
    return Playback{std::get<trace::TraceLog>(std::move(result))};
}

TEST(Pop3LocalCopies, eachClientHostHoldsTheMessagesItDownloaded) {
    Playback playback = scenario03();
    for (const char* phone : {"bob-phone", "bob-laptop"}) {
        const HostState* before = playback.state().host(phone);
        EXPECT_TRUE(before == nullptr || before->downloaded.empty()) << phone;
    }
    playback.end();
    for (const char* client : {"bob-phone", "bob-laptop"}) {
        const HostState* host = playback.state().host(client);
        ASSERT_NE(host, nullptr) << client;
        ASSERT_EQ(host->downloaded.size(), 2u) << client;
        EXPECT_EQ(host->downloaded[0].subject, "Ketchup") << client;
        EXPECT_EQ(host->downloaded[1].subject, "Pickles") << client;
        EXPECT_NE(host->downloaded[0].from.find("alice@crepes.fr"), std::string::npos) << host->downloaded[0].from;
        EXPECT_GT(host->downloaded[0].size, 0);
        EXPECT_EQ(host->mailHeld(), 2u) << "the node's badge counts the local copies";
    }
    // Download-and-keep: the server still has both.
    EXPECT_EQ(playback.state().host("hamburger.edu")->mailboxCount(), 2u);
}

TEST(Pop3LocalCopies, thePhonesPanelListsItsDownloadedMessages) {
    Playback playback = scenario03();
    playback.end();
    const auto rows = describeHost(playback, "bob-phone");
    bool section = false;
    int listed = 0;
    for (const auto& row : rows) {
        if (row.kind == HostRow::Kind::Section && row.text == "Downloaded (kept here)") section = row.value == "2 messages";
        if (row.kind == HostRow::Kind::Detail && (row.text.find("Ketchup") != std::string::npos ||
                                                  row.text.find("Pickles") != std::string::npos)) {
            ++listed;
        }
    }
    EXPECT_TRUE(section);
    EXPECT_EQ(listed, 2);
}

}  // namespace
}  // namespace netstage::gui
