// The scripted client against the real server engine, pumped in memory.

#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "tests/protocols/imap/imap_test_support.hpp"

using namespace netstage;
using namespace netstage::imap;
using namespace netstage::imap::test;

static_assert(proto::Engine<ClientSession>);

using Lines = std::vector<std::string>;

namespace {
ClientConfig bob(std::vector<ClientAction> script) { return ClientConfig{"bob", "hungry", std::move(script)}; }
}  // namespace

TEST(ImapClient, readsFilesAndMovesMailThroughTheServer) {
    mail::MailStore store;
    store.deliver("bob", message("one"), 100);
    store.deliver("bob", message("two"), 200);
    Pair pair{store, bob({action::ListFolders{}, action::CreateFolder{"Recipes"}, action::Select{"INBOX"},
                          action::FetchHeaders{}, action::FetchMessage{2},
                          action::StoreFlags{1, action::StoreFlags::Mode::Add, {"\\Flagged"}},
                          action::Move{1, "Recipes"}, action::Logout{}})};
    pair.pump();

    auto folders = pair.clientEventsOf<client::FolderList>();
    ASSERT_EQ(folders.size(), 1u);
    EXPECT_EQ(folders[0].folders, Lines{"INBOX"});
    auto headers = pair.clientEventsOf<client::HeadersFetched>();
    ASSERT_EQ(headers.size(), 2u);
    EXPECT_EQ(headers[1].uid, 2u);
    EXPECT_NE(headers[1].header.find("Subject: two\r\n"), std::string::npos);
    auto fetched = pair.clientEventsOf<client::MessageFetched>();
    ASSERT_EQ(fetched.size(), 1u);
    EXPECT_EQ(fetched[0].uid, 2u);
    EXPECT_EQ(fetched[0].content, message("two"));
    EXPECT_EQ(pair.clientEventsOf<client::Done>().size(), 1u);
    EXPECT_TRUE(pair.clientEventsOf<client::Failed>().empty());
    EXPECT_TRUE(pair.client.closed());
    EXPECT_TRUE(pair.server.closed());

    // IMAP keeps the state on the server: the move, the flags and \Seen are all there.
    const auto* inbox = store.folder("bob", "INBOX");
    ASSERT_EQ(inbox->size(), 1u);
    EXPECT_TRUE(inbox->messages()[0].flags.has(mail::SystemFlag::Seen));
    const auto* recipes = store.folder("bob", "Recipes");
    ASSERT_EQ(recipes->size(), 1u);
    EXPECT_EQ(*recipes->messages()[0].content, message("one"));
    EXPECT_TRUE(recipes->messages()[0].flags.has(mail::SystemFlag::Flagged));
    EXPECT_FALSE(recipes->messages()[0].flags.has(mail::SystemFlag::Seen));
}

TEST(ImapClient, sendsNumberedTagsAndShowsBothSidesInTheTranscript) {
    mail::MailStore store;
    Pair pair{store, bob({action::Select{"INBOX"}})};
    pair.pump();
    EXPECT_EQ(pair.transcript.front(),
              "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE LITERAL+ UIDPLUS UNSELECT NAMESPACE] NetStage IMAP ready");
    EXPECT_TRUE(contains(pair.transcript, "C: A001 LOGIN bob hungry"));
    EXPECT_TRUE(contains(pair.transcript, "C: A002 SELECT INBOX"));
    EXPECT_TRUE(contains(pair.transcript, "S: * 0 EXISTS"));
    EXPECT_TRUE(contains(pair.transcript, "C: A003 LOGOUT"));  // added because the script had none
    EXPECT_TRUE(contains(pair.transcript, "S: A003 OK LOGOUT completed"));
}

TEST(ImapClient, quotesCredentialsThatAreNotAtoms) {
    mail::MailStore store;
    Pair pair{store, ClientConfig{"alice", "p@ss word", {}}};
    pair.pump();
    EXPECT_TRUE(contains(pair.transcript, "C: A001 LOGIN alice \"p@ss word\""));
    EXPECT_EQ(pair.clientEventsOf<client::Done>().size(), 1u);
}

TEST(ImapClient, rejectsCredentialsWithLineBreaks) {
    EXPECT_THROW(ClientSession(ClientConfig{"bob", "a\r\nb", {}}), std::invalid_argument);
}

TEST(ImapClient, idleWaitsForNewMailThenEndsWithDone) {
    mail::MailStore store;
    store.deliver("bob", message("one"), 100);
    Pair pair{store, bob({action::Select{"INBOX"}, action::IdleUntilExists{}, action::FetchMessage{2}})};
    pair.pump();
    EXPECT_TRUE(pair.server.isIdling());
    EXPECT_TRUE(pair.clientEventsOf<client::NewMessage>().empty());

    store.deliver("bob", message("two"), 200);
    pair.pump();
    auto news = pair.clientEventsOf<client::NewMessage>();
    ASSERT_EQ(news.size(), 1u);
    EXPECT_EQ(news[0].exists, 2u);
    EXPECT_TRUE(contains(pair.transcript, "C: DONE"));
    auto fetched = pair.clientEventsOf<client::MessageFetched>();
    ASSERT_EQ(fetched.size(), 1u);
    EXPECT_EQ(fetched[0].content, message("two"));
    EXPECT_EQ(pair.clientEventsOf<client::Done>().size(), 1u);
}

TEST(ImapClient, failsOnAWrongPasswordAndStillLogsOut) {
    mail::MailStore store;
    Pair pair{store, ClientConfig{"bob", "wrong", {action::Select{"INBOX"}}}};
    pair.pump();
    auto failed = pair.clientEventsOf<client::Failed>();
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0].reason, "NO [AUTHENTICATIONFAILED] Authentication failed");
    EXPECT_TRUE(pair.clientEventsOf<client::Done>().empty());
    EXPECT_TRUE(contains(pair.transcript, "C: A002 LOGOUT"));
    EXPECT_FALSE(contains(pair.transcript, "C: A002 SELECT INBOX"));
    EXPECT_TRUE(pair.client.closed());
}

TEST(ImapClient, failsWhenAFolderIsMissing) {
    mail::MailStore store;
    Pair pair{store, bob({action::Select{"Nowhere"}, action::FetchMessage{1}})};
    pair.pump();
    auto failed = pair.clientEventsOf<client::Failed>();
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0].reason, "NO [NONEXISTENT] No such mailbox");
}

TEST(ImapClient, failsWhenTheServerRefusesOrHangsUp) {
    ClientSession refused{bob({})};
    refused.receive("* BYE too busy\r\n", 0ns);
    auto e = refused.nextEvent();
    while (std::holds_alternative<client::ResponseLine>(e)) e = refused.nextEvent();
    ASSERT_TRUE(std::holds_alternative<client::Failed>(e));
    EXPECT_FALSE(refused.closed()) << "the server closes; the client follows";
    refused.receiveEof(0ns);
    EXPECT_TRUE(refused.closed());

    ClientSession dropped{bob({})};
    dropped.receive("* OK hi\r\n", 0ns);
    dropped.receiveEof(0ns);
    bool sawFailure = false;
    for (auto ev = dropped.nextEvent(); !std::holds_alternative<client::NeedData>(ev); ev = dropped.nextEvent()) {
        sawFailure = sawFailure || std::holds_alternative<client::Failed>(ev);
    }
    EXPECT_TRUE(sawFailure);
}

TEST(ImapClient, isClosedOnlyOnceTheServerHasClosedAfterLogout) {
    ClientSession session{bob({})};
    session.start(0ns);
    EXPECT_EQ(session.takeOutput(), "") << "the server speaks first";
    session.receive("* OK hi\r\n", 0ns);
    EXPECT_EQ(session.takeOutput(), "A001 LOGIN bob hungry\r\n");
    session.receive("A001 OK done\r\n", 0ns);
    EXPECT_EQ(session.takeOutput(), "A002 LOGOUT\r\n");
    session.receive("* BYE bye\r\nA002 OK LOGOUT completed\r\n", 0ns);
    EXPECT_FALSE(session.closed());
    session.receiveEof(0ns);
    EXPECT_TRUE(session.closed());
    bool done = false;
    for (auto ev = session.nextEvent(); !std::holds_alternative<client::NeedData>(ev); ev = session.nextEvent()) {
        EXPECT_FALSE(std::holds_alternative<client::Failed>(ev));
        done = done || std::holds_alternative<client::Done>(ev);
    }
    EXPECT_TRUE(done);
}

TEST(ImapClient, skipsLoginAfterPreauth) {
    ClientSession session{bob({action::ListFolders{}})};
    session.receive("* PREAUTH welcome back\r\n", 0ns);
    EXPECT_EQ(session.takeOutput(), "A001 LIST \"\" *\r\n");
}

TEST(ImapClient, skipsFetchingHeadersOfAnEmptyFolder) {
    mail::MailStore store;
    Pair pair{store, bob({action::Select{"INBOX"}, action::FetchHeaders{}})};
    pair.pump();
    EXPECT_EQ(pair.clientEventsOf<client::Done>().size(), 1u);
    EXPECT_TRUE(pair.clientEventsOf<client::HeadersFetched>().empty());
    EXPECT_TRUE(contains(pair.transcript, "C: A003 LOGOUT"));
}

TEST(ImapClient, producesAReadableTranscriptOfAWholeSession) {
    mail::MailStore store;
    store.deliver("bob", "Subject: pickles\r\n\r\nHow about pickles?\r\n", 1582192800);
    Pair pair{store, bob({action::Select{"INBOX"}, action::FetchMessage{1}})};
    pair.pump();
    EXPECT_EQ(pair.transcript,
              (Lines{"S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE LITERAL+ UIDPLUS UNSELECT NAMESPACE] NetStage IMAP ready",
                     "C: A001 LOGIN bob hungry",
                     "S: A001 OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE LITERAL+ UIDPLUS UNSELECT NAMESPACE] Logged in",
                     "C: A002 SELECT INBOX",
                     "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                     "S: * 1 EXISTS",
                     "S: * 0 RECENT",
                     "S: * OK [UNSEEN 1] First unseen message",
                     "S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
                     "S: * OK [UIDVALIDITY 1] UIDs valid",
                     "S: * OK [UIDNEXT 2] Predicted next UID",
                     "S: A002 OK [READ-WRITE] SELECT completed",
                     "C: A003 FETCH 1 (UID FLAGS BODY[])",
                     "S: * 1 FETCH (UID 1 FLAGS (\\Seen) BODY[] {40}",
                     "S: Subject: pickles",
                     "S: ",
                     "S: How about pickles?",
                     "S: )",
                     "S: A003 OK FETCH completed",
                     "C: A004 LOGOUT",
                     "S: * BYE NetStage IMAP server logging out",
                     "S: A004 OK LOGOUT completed"}));
}
