#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "tests/protocols/imap/imap_test_support.hpp"

using namespace netstage;
using namespace netstage::imap;
using namespace netstage::imap::test;

static_assert(proto::Engine<ServerSession>);

using Lines = std::vector<std::string>;

namespace {
struct ImapServer : ::testing::Test {
    mail::MailStore store;
    std::unique_ptr<Server> server;

    void SetUp() override {
        store.deliver("bob", message("one"), 1582192800);  // 20-Feb-2020 10:00:00 UTC
        store.deliver("bob", message("two", "carol@example.org"), 1582279200);
        store.deliver("bob", message("three"), 1582365600);
        server = std::make_unique<Server>(store);
    }
    Lines send(const std::string& bytes) { return server->send(bytes); }
    Lines selectInbox() {
        server->login();
        return send("S1 SELECT INBOX\r\n");
    }
};
}  // namespace

TEST_F(ImapServer, greetsWithCapabilitiesListingImap4rev1) {
    ASSERT_EQ(server->greeting.size(), 1u);
    EXPECT_EQ(server->greeting[0],
              "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE LITERAL+ UIDPLUS UNSELECT NAMESPACE] NetStage IMAP ready");
}

TEST_F(ImapServer, answersCapabilityAndNoopInAnyState) {
    EXPECT_EQ(send("a1 CAPABILITY\r\n"),
              (Lines{"* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE LITERAL+ UIDPLUS UNSELECT NAMESPACE", "a1 OK CAPABILITY completed"}));
    EXPECT_EQ(send("a2 noop\r\n"), Lines{"a2 OK NOOP completed"});
}

TEST_F(ImapServer, namesItsOneNamespaceOnceLoggedIn) {
    EXPECT_EQ(send("a1 NAMESPACE\r\n"), Lines{"a1 BAD NAMESPACE is not allowed in the not authenticated state"}) << "not before login";
    (void)send("a2 LOGIN bob hungry\r\n");
    EXPECT_EQ(send("a3 NAMESPACE\r\n"), (Lines{"* NAMESPACE ((\"\" \"/\")) NIL NIL", "a3 OK NAMESPACE completed"}));
    EXPECT_EQ(send("a4 NAMESPACE x\r\n"), Lines{"a4 BAD NAMESPACE takes no arguments"});
}

TEST_F(ImapServer, logsInWithAtomsQuotedStringsAndLiterals) {
    EXPECT_EQ(send("a1 LOGIN bob wrong\r\n"), Lines{"a1 NO [AUTHENTICATIONFAILED] Authentication failed"});
    EXPECT_EQ(server->session.state(), ServerState::NotAuthenticated);
    EXPECT_EQ(send("a2 LOGIN \"alice\" {9}\r\n"), Lines{"+ Ready for literal data"});
    auto reply = send("p@ss word\r\n");
    ASSERT_EQ(reply.size(), 1u);
    EXPECT_TRUE(reply[0].rfind("a2 OK [CAPABILITY IMAP4rev1", 0) == 0) << reply[0];
    EXPECT_EQ(server->session.state(), ServerState::Authenticated);
    EXPECT_EQ(server->session.user(), "alice");
}

TEST_F(ImapServer, acceptsANonSynchronizingLiteralWithoutAContinuation) {
    EXPECT_TRUE(send("a1 LOGIN {3+}\r\n").empty());
    auto reply = send("bob hungry\r\n");
    ASSERT_EQ(reply.size(), 1u);
    EXPECT_TRUE(reply[0].rfind("a1 OK", 0) == 0);
}

TEST_F(ImapServer, authenticatesPlainWithAContinuation) {
    EXPECT_EQ(send("a1 AUTHENTICATE PLAIN\r\n"), Lines{"+ "});
    auto reply = send(base64Encode(std::string{"\0bob\0hungry", 11}) + "\r\n");
    ASSERT_EQ(reply.size(), 1u);
    EXPECT_TRUE(reply[0].rfind("a1 OK [CAPABILITY", 0) == 0) << reply[0];
}

TEST_F(ImapServer, authenticatesPlainWithAnInitialResponse) {
    auto reply = send("a1 AUTHENTICATE PLAIN " + base64Encode(std::string{"bob\0bob\0hungry", 14}) + "\r\n");
    ASSERT_EQ(reply.size(), 1u);
    EXPECT_TRUE(reply[0].rfind("a1 OK", 0) == 0);
}

TEST_F(ImapServer, rejectsBadAuthenticateExchanges) {
    EXPECT_EQ(send("a1 AUTHENTICATE CRAM-MD5\r\n"), Lines{"a1 NO Unsupported authentication mechanism"});
    EXPECT_EQ(send("a2 AUTHENTICATE PLAIN\r\n"), Lines{"+ "});
    EXPECT_EQ(send("*\r\n"), Lines{"a2 BAD AUTHENTICATE cancelled"});
    EXPECT_EQ(send("a3 AUTHENTICATE PLAIN !!!!\r\n"), Lines{"a3 BAD Invalid base64 in AUTHENTICATE"});
    EXPECT_EQ(send("a4 AUTHENTICATE PLAIN " + base64Encode(std::string{"\0bob\0nope", 9}) + "\r\n"),
              Lines{"a4 NO [AUTHENTICATIONFAILED] Authentication failed"});
    EXPECT_EQ(send("a5 AUTHENTICATE PLAIN " + base64Encode("no-nuls") + "\r\n"), Lines{"a5 BAD Malformed PLAIN response"});
    EXPECT_EQ(server->session.state(), ServerState::NotAuthenticated);
}

TEST_F(ImapServer, answersBadToMalformedOrMisplacedCommandsAndGoesOn) {
    EXPECT_EQ(send("\r\n"), Lines{"* BAD Missing tag"});
    EXPECT_EQ(send("a1\r\n"), Lines{"* BAD Missing command"});
    EXPECT_EQ(send("a2 FROB\r\n"), Lines{"a2 BAD Unknown command FROB"});
    EXPECT_EQ(send("a3 SELECT INBOX\r\n"), Lines{"a3 BAD SELECT is not allowed in the not authenticated state"});
    EXPECT_EQ(send("a4 LOGIN bob\r\n"), Lines{"a4 BAD LOGIN needs a user name and a password"});
    EXPECT_EQ(send("a5 STARTTLS\r\n"), Lines{"a5 BAD STARTTLS is not supported"});
    EXPECT_EQ(send("a6 CAPABILITY now\r\n"), Lines{"a6 BAD CAPABILITY takes no arguments"});
    EXPECT_EQ(send("a6 NOOP now\r\n"), Lines{"a6 BAD NOOP takes no arguments"});
    server->login();
    EXPECT_EQ(send("a7 LOGIN bob hungry\r\n"), Lines{"a7 BAD LOGIN is not allowed in the authenticated state"});
    EXPECT_EQ(send("a8 FETCH 1 FLAGS\r\n"), Lines{"a8 BAD FETCH is not allowed in the authenticated state"});
    int errors = 0;
    for (auto e = server->session.nextEvent(); !std::holds_alternative<server::NeedData>(e);
         e = server->session.nextEvent()) {
        errors += std::holds_alternative<server::ProtocolError>(e);
    }
    EXPECT_EQ(errors, 10);
}

TEST_F(ImapServer, rejectsAnOverlongLineAndAnOversizedLiteral) {
    mail::MailStore small;
    ServerConfig config = configFor(small);
    config.maxCommandLine = 64;
    config.maxLiteral = 10;
    ServerSession session{config};
    session.start(0ns);
    session.takeOutput();
    session.receive("a1 NOOP " + std::string(100, 'x') + "\r\na2 NOOP\r\n", 0ns);
    EXPECT_EQ(splitLines(session.takeOutput()), (Lines{"* BAD Command line too long", "a2 OK NOOP completed"}));
    session.receive("a3 LOGIN bob {11}\r\n", 0ns);
    EXPECT_EQ(splitLines(session.takeOutput()), Lines{"a3 BAD Literal too large"});
    session.receive("a4 LOGIN bob {11+}\r\nhungryhungr\r\na5 NOOP\r\n", 0ns);
    EXPECT_EQ(splitLines(session.takeOutput()), (Lines{"a4 BAD Literal too large", "* BAD Missing tag", "a5 OK NOOP completed"}));
}

TEST_F(ImapServer, selectReportsTheMailboxState) {
    store.markSeen("bob", 1);
    auto reply = selectInbox();
    EXPECT_EQ(reply, (Lines{"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", "* 3 EXISTS", "* 0 RECENT",
                            "* OK [UNSEEN 2] First unseen message",
                            "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
                            "* OK [UIDVALIDITY 1] UIDs valid", "* OK [UIDNEXT 4] Predicted next UID",
                            "S1 OK [READ-WRITE] SELECT completed"}));
    EXPECT_EQ(server->session.state(), ServerState::Selected);
}

TEST_F(ImapServer, selectOfAMissingMailboxFailsAndDeselects) {
    selectInbox();
    EXPECT_EQ(send("a1 SELECT Nowhere\r\n"), Lines{"a1 NO [NONEXISTENT] No such mailbox"});
    EXPECT_EQ(server->session.state(), ServerState::Authenticated);
    EXPECT_EQ(send("a2 SELECT\r\n"), Lines{"a2 BAD SELECT needs a mailbox name"});
}

TEST_F(ImapServer, examineIsReadOnly) {
    server->login();
    auto reply = send("a1 EXAMINE inbox\r\n");
    EXPECT_TRUE(contains(reply, "* OK [PERMANENTFLAGS ()] Read-only mailbox"));
    EXPECT_EQ(reply.back(), "a1 OK [READ-ONLY] EXAMINE completed");
    EXPECT_EQ(send("a2 STORE 1 +FLAGS (\\Seen)\r\n"), Lines{"a2 NO Mailbox is read-only"});
    EXPECT_EQ(send("a3 EXPUNGE\r\n"), Lines{"a3 NO Mailbox is read-only"});
    // Reading does not set \Seen in a read-only mailbox.
    send("a4 FETCH 1 BODY[]\r\n");
    EXPECT_EQ(store.folder("bob", "INBOX")->unseenCount(), 3u);
}

TEST_F(ImapServer, createsDeletesAndRenamesFolders) {
    server->login();
    EXPECT_EQ(send("a1 CREATE Recipes\r\n"), Lines{"a1 OK CREATE completed"});
    EXPECT_EQ(send("a2 CREATE Recipes\r\n"), Lines{"a2 NO [ALREADYEXISTS] CREATE failed: mailbox already exists"});
    EXPECT_EQ(send("a3 CREATE \"Food/\"\r\n"), Lines{"a3 OK CREATE completed"});
    EXPECT_EQ(send("a4 RENAME Recipes Food/Recipes\r\n"), Lines{"a4 OK RENAME completed"});
    EXPECT_EQ(send("a5 DELETE Food\r\n"), Lines{"a5 NO [CANNOT] DELETE failed: mailbox has child mailboxes"});
    EXPECT_EQ(send("a6 DELETE inbox\r\n"), Lines{"a6 NO [CANNOT] DELETE failed: INBOX cannot be deleted"});
    EXPECT_EQ(send("a7 DELETE Nope\r\n"), Lines{"a7 NO [NONEXISTENT] DELETE failed: no such mailbox"});
    EXPECT_EQ(send("a8 RENAME Nope Other\r\n"), Lines{"a8 NO [NONEXISTENT] RENAME failed: no such mailbox"});
    EXPECT_EQ(send("a9 DELETE Food/Recipes\r\n"), Lines{"a9 OK DELETE completed"});
    EXPECT_EQ(send("b1 CREATE\r\n"), Lines{"b1 BAD CREATE needs a mailbox name"});
    EXPECT_EQ(send("b2 RENAME a\r\n"), Lines{"b2 BAD RENAME needs two mailbox names"});
    EXPECT_EQ(store.folderNames("bob"), (std::vector<std::string>{"Food", "INBOX"}));
}

TEST_F(ImapServer, listsFoldersWithWildcardsAndTheDelimiter) {
    server->login();
    send("a1 CREATE Food/Recipes\r\n");
    send("a2 CREATE \"My Stuff\"\r\n");
    EXPECT_EQ(send("b1 LIST \"\" \"\"\r\n"), (Lines{"* LIST (\\Noselect) \"/\" \"\"", "b1 OK LIST completed"}));
    EXPECT_EQ(send("b2 LIST \"\" *\r\n"),
              (Lines{"* LIST (\\HasChildren) \"/\" Food", "* LIST (\\HasNoChildren) \"/\" Food/Recipes",
                     "* LIST (\\HasNoChildren) \"/\" INBOX", "* LIST (\\HasNoChildren) \"/\" \"My Stuff\"",
                     "b2 OK LIST completed"}));
    EXPECT_EQ(send("b3 LIST \"\" %\r\n").size(), 4u);
    EXPECT_EQ(send("b4 LIST Food/ %\r\n"), (Lines{"* LIST (\\HasNoChildren) \"/\" Food/Recipes", "b4 OK LIST completed"}));
    EXPECT_EQ(send("b5 LIST \"\" inbox\r\n"), (Lines{"* LIST (\\HasNoChildren) \"/\" INBOX", "b5 OK LIST completed"}));
    EXPECT_EQ(send("b6 LIST \"\"\r\n"), Lines{"b6 BAD LIST needs a reference and a mailbox pattern"});
}

TEST_F(ImapServer, subscribesAndListsSubscriptions) {
    server->login();
    send("a1 CREATE Lists\r\n");
    EXPECT_EQ(send("a2 SUBSCRIBE Lists\r\n"), Lines{"a2 OK SUBSCRIBE completed"});
    EXPECT_EQ(send("a3 SUBSCRIBE Nope\r\n"), Lines{"a3 NO [NONEXISTENT] SUBSCRIBE failed: no such mailbox"});
    EXPECT_EQ(send("a4 LSUB \"\" *\r\n"), (Lines{"* LSUB () \"/\" Lists", "a4 OK LSUB completed"}));
    EXPECT_EQ(send("a5 UNSUBSCRIBE Lists\r\n"), Lines{"a5 OK UNSUBSCRIBE completed"});
    EXPECT_EQ(send("a6 LSUB \"\" *\r\n"), Lines{"a6 OK LSUB completed"});
    EXPECT_EQ(send("a7 UNSUBSCRIBE Lists\r\n"), Lines{"a7 NO [NONEXISTENT] UNSUBSCRIBE failed: no such mailbox"});
}

TEST_F(ImapServer, reportsStatusOfAnyFolder) {
    server->login();
    store.markSeen("bob", 2);
    EXPECT_EQ(send("a1 STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY RECENT)\r\n"),
              (Lines{"* STATUS INBOX (MESSAGES 3 UNSEEN 2 UIDNEXT 4 UIDVALIDITY 1 RECENT 0)", "a1 OK STATUS completed"}));
    EXPECT_EQ(send("a2 STATUS Nope (MESSAGES)\r\n"), Lines{"a2 NO [NONEXISTENT] No such mailbox"});
    EXPECT_EQ(send("a3 STATUS INBOX (SIZE)\r\n"), Lines{"a3 BAD Unknown STATUS item SIZE"});
    EXPECT_EQ(send("a4 STATUS INBOX\r\n"), Lines{"a4 BAD STATUS needs a mailbox and a list of items"});
}

TEST_F(ImapServer, appendWaitsForTheContinuationAndReportsTheUid) {
    server->login();
    const std::string msg = "Subject: hi\r\n\r\nhello\r\n";
    EXPECT_EQ(send("a1 APPEND INBOX (\\Seen $Work) \"21-Feb-2020 12:00:00 +0100\" {" + std::to_string(msg.size()) +
                   "}\r\n"),
              Lines{"+ Ready for literal data"});
    EXPECT_EQ(send(msg + "\r\n"), Lines{"a1 OK [APPENDUID 1 4] APPEND completed"});
    const mail::Message* m = store.folder("bob", "INBOX")->find(4);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(*m->content, msg);
    EXPECT_TRUE(m->flags.has(mail::SystemFlag::Seen));
    EXPECT_TRUE(m->flags.hasKeyword("$Work"));
    EXPECT_EQ(m->internalDate, 1582282800);  // 11:00 UTC
}

TEST_F(ImapServer, appendFailuresAreNoOrBad) {
    server->login();
    send("a1 APPEND Nope {2}\r\n");
    EXPECT_EQ(send("hi\r\n"), Lines{"a1 NO [TRYCREATE] No such mailbox"});
    EXPECT_EQ(send("a2 APPEND INBOX hello\r\n"), Lines{"a2 BAD APPEND needs the message as a literal"});
    send("a3 APPEND INBOX (\\Recent) {2}\r\n");
    EXPECT_EQ(send("hi\r\n"), Lines{"a3 BAD APPEND: unknown or read-only flag \\Recent"});
    send("a4 APPEND INBOX \"31-Foo-2020 00:00:00 +0000\" {2}\r\n");
    EXPECT_EQ(send("hi\r\n"), Lines{"a4 BAD APPEND: bad date-time"});
}

TEST_F(ImapServer, appendIntoTheSelectedMailboxReportsExists) {
    selectInbox();
    // LITERAL+: the whole command at once, no continuation; the reply carries the new count.
    EXPECT_EQ(send("a1 APPEND INBOX {2+}\r\nhi\r\n"), (Lines{"* 4 EXISTS", "a1 OK [APPENDUID 1 4] APPEND completed"}));
}

TEST_F(ImapServer, fetchesFlagsUidDateSizeAndEnvelope) {
    selectInbox();
    auto reply = send("a1 FETCH 2 (FLAGS UID INTERNALDATE RFC822.SIZE ENVELOPE)\r\n");
    ASSERT_EQ(reply.size(), 2u);
    const std::string size = std::to_string(message("two", "carol@example.org").size());
    EXPECT_EQ(reply[0],
              "* 2 FETCH (FLAGS () UID 2 INTERNALDATE \"21-Feb-2020 10:00:00 +0000\" RFC822.SIZE " + size +
                  " ENVELOPE (\"Thu, 20 Feb 2020 10:00:00 +0000\" \"two\" ((\"Alice\" NIL \"carol\" \"example.org\")) "
                  "((\"Alice\" NIL \"carol\" \"example.org\")) ((\"Alice\" NIL \"carol\" \"example.org\")) "
                  "((NIL NIL \"bob\" \"hamburger.edu\")) NIL NIL NIL \"<two@crepes.fr>\"))");
    EXPECT_EQ(reply[1], "a1 OK FETCH completed");
}

TEST_F(ImapServer, fetchBodyIsALiteralAndSetsSeenButPeekDoesNot) {
    selectInbox();
    const std::string body = message("one");
    auto peek = send("a1 FETCH 1 (BODY.PEEK[])\r\n");
    EXPECT_EQ(peek.front(), "* 1 FETCH (BODY[] {" + std::to_string(body.size()) + "}");
    EXPECT_EQ(store.folder("bob", "INBOX")->unseenCount(), 3u);
    auto reply = send("a2 FETCH 1 BODY[]\r\n");
    EXPECT_EQ(reply.front(), "* 1 FETCH (BODY[] {" + std::to_string(body.size()) + "}");
    EXPECT_EQ(reply[reply.size() - 2], " FLAGS (\\Seen))");
    EXPECT_EQ(store.folder("bob", "INBOX")->unseenCount(), 2u);
}

TEST_F(ImapServer, fetchesHeaderTextFieldsAndPartials) {
    selectInbox();
    server->session.takeOutput();
    server->session.receive("a1 FETCH 1 (BODY.PEEK[HEADER.FIELDS (Subject)] BODY.PEEK[TEXT] BODY.PEEK[]<0.4>)\r\n", 0ns);
    const std::string out = server->session.takeOutput();
    EXPECT_EQ(out,
              "* 1 FETCH (BODY[HEADER.FIELDS (Subject)] {16}\r\nSubject: one\r\n\r\n BODY[TEXT] {22}\r\nDo you like "
              "ketchup?\r\n BODY[]<0> {4}\r\nFrom)\r\na1 OK FETCH completed\r\n");
    server->session.receive("a2 FETCH 1 (RFC822.HEADER BODY.PEEK[HEADER.FIELDS.NOT (From To Date Message-ID)])\r\n", 0ns);
    EXPECT_EQ(server->session.takeOutput(),
              "* 1 FETCH (RFC822.HEADER {" + std::to_string(message("one").size() - 22) + "}\r\n" +
                  message("one").substr(0, message("one").size() - 22) +
                  " BODY[HEADER.FIELDS.NOT (From To Date Message-ID)] {16}\r\nSubject: one\r\n\r\n)\r\na2 OK FETCH "
                  "completed\r\n");
}

TEST_F(ImapServer, fetchMacrosExpand) {
    selectInbox();
    auto fast = send("a1 FETCH 1 FAST\r\n");
    EXPECT_EQ(fast[0], "* 1 FETCH (FLAGS () INTERNALDATE \"20-Feb-2020 10:00:00 +0000\" RFC822.SIZE " +
                           std::to_string(message("one").size()) + ")");
    auto full = send("a2 FETCH 1 FULL\r\n");
    EXPECT_NE(full[0].find("ENVELOPE ("), std::string::npos);
    EXPECT_NE(full[0].find("BODYSTRUCTURE (\"TEXT\" \"PLAIN\""), std::string::npos);
}

TEST_F(ImapServer, fetchRejectsBadRequests) {
    selectInbox();
    EXPECT_EQ(send("a1 FETCH 9 FLAGS\r\n"), Lines{"a1 BAD No such message 9"});
    EXPECT_EQ(send("a2 FETCH 1 (FLAGS\r\n"), Lines{"a2 BAD FETCH: expected ')' after fetch items"});
    EXPECT_EQ(send("a3 FETCH 1 BODY[0]\r\n"), Lines{"a3 BAD FETCH: unsupported section 0"});
    EXPECT_EQ(send("a3 FETCH 1 BODY[MIME]\r\n"), Lines{"a3 BAD FETCH: unsupported section MIME"});
    EXPECT_EQ(send("a3 FETCH 1 BODY[1.2.]\r\n"), Lines{"a3 BAD FETCH: unsupported section 1.2."});
    EXPECT_EQ(send("a4 FETCH x FLAGS\r\n"), Lines{"a4 BAD FETCH needs a message set and data items"});
    EXPECT_EQ(send("a5 FETCH 1 FROB\r\n"), Lines{"a5 BAD FETCH: unknown fetch item FROB"});
    EXPECT_EQ(send("a6 FETCH 1 BODY[]<5>\r\n"), Lines{"a6 BAD FETCH: bad partial <origin.length>"});
}

TEST_F(ImapServer, uidFetchAlwaysIncludesTheUidAndSkipsMissingUids) {
    selectInbox();
    EXPECT_EQ(send("a1 UID FETCH 2:* FLAGS\r\n"),
              (Lines{"* 2 FETCH (UID 2 FLAGS ())", "* 3 FETCH (UID 3 FLAGS ())", "a1 OK UID FETCH completed"}));
    EXPECT_EQ(send("a2 UID FETCH 99 FLAGS\r\n"), Lines{"a2 OK UID FETCH completed"});
    // n:* with n above the largest UID still names the largest (RFC 3501 §6.4.8).
    EXPECT_EQ(send("a3 UID FETCH 99:* FLAGS\r\n"), (Lines{"* 3 FETCH (UID 3 FLAGS ())", "a3 OK UID FETCH completed"}));
    EXPECT_EQ(send("a4 UID FROB 1\r\n"), Lines{"a4 BAD UID needs FETCH, STORE, COPY, SEARCH or EXPUNGE"});
}

TEST_F(ImapServer, storesFlagsAddRemoveReplaceAndSilent) {
    selectInbox();
    EXPECT_EQ(send("a1 STORE 1:2 +FLAGS (\\Flagged $Work)\r\n"),
              (Lines{"* 1 FETCH (FLAGS (\\Flagged $Work))", "* 2 FETCH (FLAGS (\\Flagged $Work))", "a1 OK STORE completed"}));
    EXPECT_EQ(send("a2 STORE 1 -FLAGS \\Flagged\r\n"), (Lines{"* 1 FETCH (FLAGS ($Work))", "a2 OK STORE completed"}));
    EXPECT_EQ(send("a3 STORE 1 FLAGS.SILENT (\\Seen)\r\n"), Lines{"a3 OK STORE completed"});
    EXPECT_EQ(send("a4 UID STORE 3 +FLAGS (\\Answered)\r\n"),
              (Lines{"* 3 FETCH (UID 3 FLAGS (\\Answered))", "a4 OK UID STORE completed"}));
    const auto* inbox = store.folder("bob", "INBOX");
    EXPECT_EQ(inbox->messages()[0].flags, mail::Flags::of({mail::SystemFlag::Seen}));
    EXPECT_EQ(send("a5 STORE 1 +FLAGS (\\Recent)\r\n"), Lines{"a5 BAD STORE: unknown or read-only flag \\Recent"});
    EXPECT_EQ(send("a6 STORE 1 LABELS (x)\r\n"), Lines{"a6 BAD STORE data item must be FLAGS, +FLAGS or -FLAGS"});
    EXPECT_EQ(send("a7 STORE 1\r\n"), Lines{"a7 BAD STORE needs a message set, a data item and flags"});
}

TEST_F(ImapServer, copiesWithCopyUidOrAsksToCreate) {
    selectInbox();
    send("a1 CREATE Recipes\r\n");
    EXPECT_EQ(send("a2 COPY 1:2 Recipes\r\n"), Lines{"a2 OK [COPYUID 2 1:2 1:2] COPY completed"});
    EXPECT_EQ(send("a3 UID COPY 3 Recipes\r\n"), Lines{"a3 OK [COPYUID 2 3 3] COPY completed"});
    EXPECT_EQ(send("a4 COPY 1 Nope\r\n"), Lines{"a4 NO [TRYCREATE] No such mailbox"});
    EXPECT_EQ(send("a5 COPY 1\r\n"), Lines{"a5 BAD COPY needs a message set and a mailbox"});
    EXPECT_EQ(store.folder("bob", "Recipes")->size(), 3u);
}

TEST_F(ImapServer, expungeNumbersEachRemovalAsTheClientSeesIt) {
    selectInbox();
    send("a1 STORE 1:3 +FLAGS.SILENT (\\Deleted)\r\n");
    // Each EXPUNGE shifts the later numbers down, so removing 1, 2, 3 is reported as 1, 1, 1.
    EXPECT_EQ(send("a2 EXPUNGE\r\n"), (Lines{"* 1 EXPUNGE", "* 1 EXPUNGE", "* 1 EXPUNGE", "a2 OK EXPUNGE completed"}));
    EXPECT_EQ(store.folder("bob", "INBOX")->size(), 0u);
}

TEST_F(ImapServer, uidExpungeRemovesOnlyTheNamedMessages) {
    selectInbox();
    send("a1 STORE 1:3 +FLAGS.SILENT (\\Deleted)\r\n");
    EXPECT_EQ(send("a2 UID EXPUNGE 2\r\n"), (Lines{"* 2 EXPUNGE", "a2 OK EXPUNGE completed"}));
    EXPECT_EQ(send("a3 EXPUNGE now\r\n"), Lines{"a3 BAD EXPUNGE takes no arguments"});
}

TEST_F(ImapServer, closeExpungesSilentlyAndUnselectDoesNot) {
    selectInbox();
    send("a1 STORE 1 +FLAGS.SILENT (\\Deleted)\r\n");
    EXPECT_EQ(send("a2 UNSELECT\r\n"), Lines{"a2 OK UNSELECT completed"});
    EXPECT_EQ(store.folder("bob", "INBOX")->size(), 3u);
    send("a3 SELECT INBOX\r\n");
    EXPECT_EQ(send("a4 CLOSE\r\n"), Lines{"a4 OK CLOSE completed"});
    EXPECT_EQ(server->session.state(), ServerState::Authenticated);
    EXPECT_EQ(store.folder("bob", "INBOX")->size(), 2u);
    EXPECT_EQ(send("a5 CHECK\r\n"), Lines{"a5 BAD CHECK is not allowed in the authenticated state"});
}

TEST_F(ImapServer, searchesByFlagsAddressesDatesAndSets) {
    selectInbox();
    send("a0 STORE 2 +FLAGS.SILENT (\\Seen \\Flagged)\r\n");
    auto search = [&](const std::string& criteria) {
        auto reply = send("s SEARCH " + criteria + "\r\n");
        return reply.size() == 2 && reply[1] == "s OK SEARCH completed" ? reply[0] : "failed: " + reply.back();
    };
    EXPECT_EQ(search("ALL"), "* SEARCH 1 2 3");
    EXPECT_EQ(search("UNSEEN"), "* SEARCH 1 3");
    EXPECT_EQ(search("SEEN FLAGGED"), "* SEARCH 2");
    EXPECT_EQ(search("DELETED"), "* SEARCH");
    EXPECT_EQ(search("FROM carol"), "* SEARCH 2");
    EXPECT_EQ(search("TO \"bob@hamburger\""), "* SEARCH 1 2 3");
    EXPECT_EQ(search("SUBJECT THREE"), "* SEARCH 3");
    EXPECT_EQ(search("SINCE 21-Feb-2020"), "* SEARCH 2 3");
    EXPECT_EQ(search("BEFORE 21-Feb-2020"), "* SEARCH 1");
    EXPECT_EQ(search("ON 21-Feb-2020"), "* SEARCH 2");
    EXPECT_EQ(search("2:*"), "* SEARCH 2 3");
    EXPECT_EQ(search("UID 1,3"), "* SEARCH 1 3");
    EXPECT_EQ(search("NOT SEEN"), "* SEARCH 1 3");
    EXPECT_EQ(search("OR FROM carol SUBJECT one"), "* SEARCH 1 2");
    EXPECT_EQ(search("(OR 1 3) UNSEEN NOT SUBJECT three"), "* SEARCH 1");
    EXPECT_EQ(search("CHARSET UTF-8 BODY ketchup"), "* SEARCH 1 2 3");
    EXPECT_EQ(send("u UID SEARCH UNSEEN\r\n"), (Lines{"* SEARCH 1 3", "u OK UID SEARCH completed"}));
}

TEST_F(ImapServer, searchRejectsBadCriteria) {
    selectInbox();
    EXPECT_EQ(send("a1 SEARCH FROB\r\n"), Lines{"a1 BAD SEARCH: unknown search key FROB"});
    EXPECT_EQ(send("a2 SEARCH SINCE yesterday\r\n"), Lines{"a2 BAD SEARCH: SINCE needs a date like 1-Feb-1994"});
    EXPECT_EQ(send("a3 SEARCH OR SEEN\r\n"), Lines{"a3 BAD SEARCH: OR needs two keys"});
    EXPECT_EQ(send("a4 SEARCH CHARSET KOI8-R ALL\r\n"), Lines{"a4 NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset"});
    EXPECT_EQ(send("a5 SEARCH (SEEN\r\n"), Lines{"a5 BAD SEARCH: expected ')' in search criteria"});
}

TEST_F(ImapServer, logoutSaysByeThenOkAndIgnoresTheRest) {
    EXPECT_EQ(send("a1 LOGOUT\r\n"), (Lines{"* BYE NetStage IMAP server logging out", "a1 OK LOGOUT completed"}));
    EXPECT_TRUE(server->session.closed());
    EXPECT_TRUE(send("a2 NOOP\r\n").empty());
}

TEST_F(ImapServer, autologoutFiresAfterThirtyMinutesOfSilence) {
    using namespace std::chrono_literals;
    server->send("a1 NOOP\r\n", 10s);
    ASSERT_TRUE(server->session.nextTimeout().has_value());
    EXPECT_EQ(*server->session.nextTimeout(), 10s + 30min);
    server->session.handleTimeout(10s + 29min);
    EXPECT_FALSE(server->session.closed());
    server->session.handleTimeout(10s + 30min);
    EXPECT_EQ(server->lines(), Lines{"* BYE Autologout; idle for too long"});
    EXPECT_TRUE(server->session.closed());
}

TEST(ImapServerStart, greetsOnStartAndCountsTheAutologoutFromThere) {
    using namespace std::chrono_literals;
    mail::MailStore store;
    ServerSession session{configFor(store)};
    EXPECT_EQ(session.takeOutput(), "") << "nothing before start";
    EXPECT_TRUE(std::holds_alternative<server::NeedData>(session.nextEvent()));
    session.start(1h);
    EXPECT_EQ(splitLines(session.takeOutput()),
              Lines{"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE LITERAL+ UIDPLUS UNSELECT NAMESPACE] NetStage IMAP ready"});
    EXPECT_TRUE(std::holds_alternative<server::ResponseSent>(session.nextEvent()));
    EXPECT_EQ(session.nextTimeout(), 1h + 30min);
    session.handleTimeout(1h + 1s);
    EXPECT_FALSE(session.closed()) << "a client that has not spoken yet is not idle for 30 minutes";
}

TEST_F(ImapServer, emitsCommandEventsWithTheLiteralShownAsLines) {
    server->login();
    while (!std::holds_alternative<server::NeedData>(server->session.nextEvent())) {
    }
    send("a1 APPEND INBOX {15}\r\n");
    send("Subject: x\r\n\r\nb\r\n");
    std::vector<server::CommandReceived> commands;
    for (auto e = server->session.nextEvent(); !std::holds_alternative<server::NeedData>(e);
         e = server->session.nextEvent()) {
        if (auto* c = std::get_if<server::CommandReceived>(&e)) commands.push_back(*c);
    }
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(commands[0].tag, "a1");
    EXPECT_EQ(commands[0].command, "APPEND");
    EXPECT_EQ(commands[0].lines, (Lines{"a1 APPEND INBOX {15}", "Subject: x", "", "b"}));
}
