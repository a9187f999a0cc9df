// Scenario 04 moves a message into a folder with IMAP (COPY, STORE \Deleted,
// EXPUNGE). The player's mailbox view must show it there, not in INBOX.
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "gui/model/playback.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::gui {
namespace {

std::vector<std::string> subjects(const std::vector<MailItem>& items) {
    std::vector<std::string> all;
    for (const auto& item : items) all.push_back(item.subject);
    return all;
}

TEST(ImapMailboxView, aMessageMovedIntoAFolderIsShownInThatFolderOnly) {
    const std::string path = netstage::test_support::scenarioPath("04-imap-folders");
    auto result = scenario::runScenarioToLog(path);
    ASSERT_TRUE(std::holds_alternative<trace::TraceLog>(result)) << std::get<scenario::ScenarioError>(result).message();
    Playback playback{std::get<trace::TraceLog>(std::move(result))};

    playback.end();
    const HostState* after = playback.state().host("hamburger.edu");
    ASSERT_NE(after, nullptr);
    EXPECT_EQ(subjects(after->mailboxes.at("bob@hamburger.edu")), (std::vector<std::string>{"Ketchup"}));
    ASSERT_EQ(after->mailboxes.count("bob@hamburger.edu/Recipes"), 1u);
    EXPECT_EQ(subjects(after->mailboxes.at("bob@hamburger.edu/Recipes")), (std::vector<std::string>{"Pancakes"}));
    EXPECT_EQ(after->mailboxCount(), 2u);
}

}  // namespace
}  // namespace netstage::gui
