// The server engine says what it did to the store (copies, expunges,
// appends), so the application can trace where each message is.
#include <gtest/gtest.h>

#include "tests/protocols/imap/imap_test_support.hpp"

using namespace netstage;
using namespace netstage::imap;
using namespace netstage::imap::test;

namespace {

struct ImapStoreEvents : ::testing::Test {
    mail::MailStore store;
    std::unique_ptr<Server> server;

    void SetUp() override {
        store.deliver("bob", message("one"), 1582192800);
        store.deliver("bob", message("two"), 1582279200);
        store.deliver("bob", message("three"), 1582365600);
        server = std::make_unique<Server>(store);
        server->login();
        server->send("S1 SELECT INBOX\r\n");
        events();  // forget the login and the selection
    }

    std::vector<ServerEvent> events() {
        std::vector<ServerEvent> all;
        for (;;) {
            ServerEvent event = server->session.nextEvent();
            if (std::holds_alternative<server::NeedData>(event)) return all;
            all.push_back(std::move(event));
        }
    }

    template <typename T>
    std::vector<T> eventsOf() {
        std::vector<T> found;
        for (auto& event : events()) {
            if (auto* e = std::get_if<T>(&event)) found.push_back(std::move(*e));
        }
        return found;
    }
};

TEST_F(ImapStoreEvents, copyReportsEachSourceAndNewUid) {
    server->send("a1 CREATE Recipes\r\n");
    server->send("a2 COPY 2:3 Recipes\r\n");
    const auto copied = eventsOf<server::MessagesCopied>();
    ASSERT_EQ(copied.size(), 1u);
    EXPECT_EQ(copied[0].from, "INBOX");
    EXPECT_EQ(copied[0].to, "Recipes");
    EXPECT_EQ(copied[0].uids, (std::vector<std::pair<mail::Uid, mail::Uid>>{{2, 1}, {3, 2}}));
}

TEST_F(ImapStoreEvents, aCopyIntoAMissingFolderReportsNothing) {
    const auto replies = server->send("a1 COPY 1 Nope\r\n");
    EXPECT_TRUE(containsPrefix(replies, "a1 NO [TRYCREATE]")) << ::testing::PrintToString(replies);
    EXPECT_TRUE(eventsOf<server::MessagesCopied>().empty());
    EXPECT_EQ(store.folder("bob", "INBOX")->size(), 3u);
}

TEST_F(ImapStoreEvents, expungeReportsTheRemovedUids) {
    server->send("a1 STORE 1,3 +FLAGS (\\Deleted)\r\n");
    server->send("a2 EXPUNGE\r\n");
    const auto expunged = eventsOf<server::MessagesExpunged>();
    ASSERT_EQ(expunged.size(), 1u);
    EXPECT_EQ(expunged[0].mailbox, "INBOX");
    EXPECT_EQ(expunged[0].uids, (std::vector<mail::Uid>{1, 3}));
    server->send("a3 EXPUNGE\r\n");  // nothing left to remove
    EXPECT_TRUE(eventsOf<server::MessagesExpunged>().empty());
}

TEST_F(ImapStoreEvents, closeExpungesSilentlyButStillReports) {
    server->send("a1 STORE 2 +FLAGS (\\Deleted)\r\n");
    server->send("a2 CLOSE\r\n");
    const auto expunged = eventsOf<server::MessagesExpunged>();
    ASSERT_EQ(expunged.size(), 1u);
    EXPECT_EQ(expunged[0].uids, (std::vector<mail::Uid>{2}));
}

TEST_F(ImapStoreEvents, deletingAFolderReportsTheMessagesItHeld) {
    server->send("a1 CREATE Old\r\n");
    server->send("a2 COPY 1:2 Old\r\n");
    events();
    server->send("a3 DELETE Old\r\n");
    const auto expunged = eventsOf<server::MessagesExpunged>();
    ASSERT_EQ(expunged.size(), 1u);
    EXPECT_EQ(expunged[0].mailbox, "Old");
    EXPECT_EQ(expunged[0].uids, (std::vector<mail::Uid>{1, 2}));
}

TEST_F(ImapStoreEvents, aReadOnlyExpungeReportsNothing) {
    server->send("a1 STORE 1 +FLAGS (\\Deleted)\r\n");
    server->send("a2 EXAMINE INBOX\r\n");
    const auto expunge = server->send("a3 EXPUNGE\r\n");
    server->send("a4 CLOSE\r\n");
    EXPECT_TRUE(eventsOf<server::MessagesExpunged>().empty());
    // EXPUNGE in a read-only folder is refused, and the flagged message stays.
    EXPECT_TRUE(containsPrefix(expunge, "a3 NO")) << ::testing::PrintToString(expunge);
    EXPECT_EQ(store.folder("bob", "INBOX")->size(), 3u);
}

}  // namespace
