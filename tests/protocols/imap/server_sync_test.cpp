// Several sessions on one store: what IMAP keeps across sessions and what one
// session learns of another's changes.

#include <gtest/gtest.h>

#include "tests/protocols/imap/imap_test_support.hpp"

using namespace netstage;
using namespace netstage::imap;
using namespace netstage::imap::test;
using Lines = std::vector<std::string>;

namespace {
struct TwoSessions : ::testing::Test {
    mail::MailStore store;
    std::unique_ptr<Server> a;
    std::unique_ptr<Server> b;

    void SetUp() override {
        store.deliver("bob", message("one"), 100);
        store.deliver("bob", message("two"), 200);
        store.deliver("bob", message("three"), 300);
        a = std::make_unique<Server>(store);
        b = std::make_unique<Server>(store);
        a->login();
        b->login();
        a->send("s SELECT INBOX\r\n");
        b->send("s SELECT INBOX\r\n");
    }
};
}  // namespace

TEST_F(TwoSessions, aNewDeliveryShowsUpAsExistsAtTheNextCommand) {
    store.deliver("bob", message("four"), 400);
    EXPECT_TRUE(a->lines().empty());  // not idling: nothing is pushed
    EXPECT_EQ(a->send("n NOOP\r\n"), (Lines{"* 4 EXISTS", "n OK NOOP completed"}));
    EXPECT_EQ(a->send("n NOOP\r\n"), Lines{"n OK NOOP completed"});
}

TEST_F(TwoSessions, flagChangesOfOneSessionReachTheOther) {
    EXPECT_EQ(a->send("x STORE 2 +FLAGS (\\Flagged)\r\n"),
              (Lines{"* 2 FETCH (FLAGS (\\Flagged))", "x OK STORE completed"}));
    EXPECT_EQ(b->send("n NOOP\r\n"), (Lines{"* 2 FETCH (UID 2 FLAGS (\\Flagged))", "n OK NOOP completed"}));
    // The session that made the change is not told twice.
    EXPECT_EQ(a->send("n NOOP\r\n"), Lines{"n OK NOOP completed"});
}

TEST_F(TwoSessions, expungesReachTheOtherSessionButNotDuringFetch) {
    a->send("x STORE 1 +FLAGS.SILENT (\\Deleted)\r\n");
    EXPECT_EQ(a->send("y EXPUNGE\r\n"), (Lines{"* 1 EXPUNGE", "y OK EXPUNGE completed"}));
    // FETCH must not renumber messages under the client: the EXPUNGE waits (RFC 3501 §7.4.1)...
    auto fetch = b->send("f FETCH 2 (UID)\r\n");
    EXPECT_EQ(fetch, (Lines{"* 2 FETCH (UID 2)", "f OK FETCH completed"}));
    // ...but UID FETCH and NOOP may carry it.
    EXPECT_EQ(b->send("u UID FETCH 2 (FLAGS)\r\n"),
              (Lines{"* 1 EXPUNGE", "* 1 FETCH (UID 2 FLAGS ())", "u OK UID FETCH completed"}));
}

TEST_F(TwoSessions, fetchOfAMessageExpungedElsewhereIsSkippedUntilReported) {
    a->send("x STORE 3 +FLAGS.SILENT (\\Deleted)\r\n");
    a->send("y EXPUNGE\r\n");
    auto reply = b->send("f FETCH 3 (UID)\r\n");
    EXPECT_EQ(reply.back(), "f OK FETCH completed");
    EXPECT_FALSE(containsPrefix(reply, "* 3 FETCH (UID"));
    EXPECT_EQ(b->send("s SEARCH ALL\r\n"), (Lines{"* SEARCH 1 2", "s OK SEARCH completed"}));
    EXPECT_EQ(b->send("n NOOP\r\n"), (Lines{"* 3 EXPUNGE", "n OK NOOP completed"}));
}

TEST_F(TwoSessions, idleReceivesExistsTheMomentMailIsDelivered) {
    EXPECT_EQ(a->send("i IDLE\r\n"), Lines{"+ idling"});
    EXPECT_TRUE(a->session.isIdling());
    store.deliver("bob", message("four"), 400);
    EXPECT_EQ(a->lines(), Lines{"* 4 EXISTS"});
    store.markSeen("bob", 4);
    EXPECT_EQ(a->lines(), Lines{"* 4 FETCH (UID 4 FLAGS (\\Seen))"});
    EXPECT_EQ(a->send("DONE\r\n"), Lines{"i OK IDLE terminated"});
    EXPECT_FALSE(a->session.isIdling());
}

TEST_F(TwoSessions, idleSeesTheOtherSessionsExpunge) {
    a->send("i IDLE\r\n");
    b->send("x STORE 2 +FLAGS.SILENT (\\Deleted)\r\n");
    EXPECT_EQ(a->lines(), Lines{"* 2 FETCH (UID 2 FLAGS (\\Deleted))"});
    b->send("y EXPUNGE\r\n");
    EXPECT_EQ(a->lines(), Lines{"* 2 EXPUNGE"});
}

TEST_F(TwoSessions, idleIgnoresOtherFoldersAndAnythingButDone) {
    store.createFolder("bob", "Recipes");
    a->send("i IDLE\r\n");
    store.append("bob", "Recipes", message("pie"), 5);
    EXPECT_TRUE(a->lines().empty());
    EXPECT_EQ(a->send("NOOP\r\n"), Lines{"i BAD Expected DONE to end IDLE"});
    EXPECT_FALSE(a->session.isIdling());
}

TEST_F(TwoSessions, uidsStayStableAcrossSessions) {
    a->send("x STORE 1 +FLAGS.SILENT (\\Deleted)\r\n");
    a->send("y EXPUNGE\r\n");
    store.deliver("bob", message("four"), 400);
    Server c{store};
    c.login();
    auto select = c.send("s SELECT INBOX\r\n");
    EXPECT_TRUE(contains(select, "* OK [UIDNEXT 5] Predicted next UID"));
    EXPECT_TRUE(contains(select, "* OK [UIDVALIDITY 1] UIDs valid"));
    EXPECT_EQ(c.send("f FETCH 1:* (UID)\r\n"),
              (Lines{"* 1 FETCH (UID 2)", "* 2 FETCH (UID 3)", "* 3 FETCH (UID 4)", "f OK FETCH completed"}));
}

TEST(ImapAcrossSessions, flagsAndFoldersPersistAfterLogout) {
    mail::MailStore store;
    store.deliver("bob", message("one"), 100);
    {
        Server first{store};
        first.login();
        first.send("c CREATE Recipes\r\n");
        first.send("s SELECT INBOX\r\n");
        first.send("f FETCH 1 BODY[]\r\n");
        first.send("x STORE 1 +FLAGS (\\Flagged)\r\n");
        first.send("c COPY 1 Recipes\r\n");
        first.send("l LOGOUT\r\n");
    }
    Server second{store};
    second.login();
    EXPECT_EQ(second.send("l LIST \"\" *\r\n"),
              (Lines{"* LIST (\\HasNoChildren) \"/\" INBOX", "* LIST (\\HasNoChildren) \"/\" Recipes", "l OK LIST completed"}));
    second.send("s SELECT Recipes\r\n");
    EXPECT_EQ(second.send("f FETCH 1 (FLAGS)\r\n"),
              (Lines{"* 1 FETCH (FLAGS (\\Seen \\Flagged))", "f OK FETCH completed"}));
}

TEST(ImapAcrossSessions, deletingTheSelectedMailboxEndsTheOtherSession) {
    mail::MailStore store;
    store.addUser("bob");
    store.createFolder("bob", "Tmp");
    Server a{store};
    Server b{store};
    a.login();
    b.login();
    b.send("s SELECT Tmp\r\n");
    EXPECT_EQ(a.send("d DELETE Tmp\r\n"), Lines{"d OK DELETE completed"});
    EXPECT_EQ(b.send("n NOOP\r\n"), Lines{"* BYE The selected mailbox has been deleted"});
    EXPECT_TRUE(b.session.closed());
}

TEST(ImapAcrossSessions, aMessageCopiedIntoTheSelectedFolderIsReported) {
    mail::MailStore store;
    store.deliver("bob", message("one"), 100);
    Server a{store};
    a.login();
    a.send("s SELECT INBOX\r\n");
    EXPECT_EQ(a.send("c COPY 1 INBOX\r\n"), (Lines{"* 2 EXISTS", "c OK [COPYUID 1 1 2] COPY completed"}));
}
