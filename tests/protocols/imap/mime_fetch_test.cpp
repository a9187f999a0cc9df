// FETCH and SEARCH over the MIME part tree (RFC 3501 §6.4.4, §6.4.5, §7.4.2).

#include <gtest/gtest.h>

#include "tests/protocols/imap/imap_test_support.hpp"

using namespace netstage;
using namespace netstage::imap::test;

namespace {

const std::string multipartMessage =
    "From: Zoe <zoe@crepes.fr>\r\n"
    "To: bob@hamburger.edu\r\n"
    "Subject: =?utf-8?Q?Cr=C3=AApes?= du jour\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
    "\r\n"
    "--b1\r\n"
    "Content-Type: multipart/alternative; boundary=b2\r\n"
    "\r\n"
    "--b2\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "caf=C3=A9 au lait\r\n"
    "--b2\r\n"
    "Content-Type: text/html; charset=us-ascii\r\n"
    "\r\n"
    "<p>cafe</p>\r\n"
    "--b2--\r\n"
    "--b1\r\n"
    "Content-Type: application/octet-stream; name=\"x.bin\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment; filename=\"x.bin\"\r\n"
    "\r\n"
    "AAEC/w==\r\n"
    "--b1\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "From: carol@example.org\r\n"
    "Subject: inner\r\n"
    "\r\n"
    "Inner body\r\n"
    "--b1\r\n"
    "Content-Type: text/plain\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "c2VjcmV0IHJlY2lwZQ==\r\n"
    "--b1--\r\n";

struct ImapMime : ::testing::Test {
    mail::MailStore store;
    std::unique_ptr<Server> server;

    void SetUp() override {
        store.deliver("bob", message("plain"), 1582192800);
        store.deliver("bob", multipartMessage, 1582279200);
        server = std::make_unique<Server>(store);
        server->login();
        raw("S1 SELECT INBOX\r\n");
    }
    // The server's whole answer, literals included, as one string.
    std::string raw(const std::string& command) {
        server->session.receive(command, std::chrono::nanoseconds{0});
        return server->session.takeOutput();
    }
};

const std::string innerEnvelope =
    "(NIL \"inner\" ((NIL NIL \"carol\" \"example.org\")) ((NIL NIL \"carol\" \"example.org\")) "
    "((NIL NIL \"carol\" \"example.org\")) NIL NIL NIL NIL NIL)";

}  // namespace

TEST_F(ImapMime, aPlainMessageKeepsItsSinglePartStructure) {
    EXPECT_EQ(raw("a1 FETCH 1 (BODYSTRUCTURE BODY)\r\n"),
              "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 22 1) "
              "BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 22 1))\r\n"
              "a1 OK FETCH completed\r\n");
}

TEST_F(ImapMime, bodyStructureDescribesTheWholePartTreeWithExtensionData) {
    const std::string expected =
        "* 2 FETCH (BODYSTRUCTURE ("
        "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 17 0 NIL NIL NIL NIL)"
        "(\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 11 0 NIL NIL NIL NIL)"
        " \"ALTERNATIVE\" (\"BOUNDARY\" \"b2\") NIL NIL NIL)"
        "(\"APPLICATION\" \"OCTET-STREAM\" (\"NAME\" \"x.bin\") NIL NIL \"BASE64\" 8 NIL "
        "(\"ATTACHMENT\" (\"FILENAME\" \"x.bin\")) NIL NIL)"
        "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 53 " + innerEnvelope +
        " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 10 0) 3 NIL NIL NIL NIL)"
        "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"BASE64\" 20 0 NIL NIL NIL NIL)"
        " \"MIXED\" (\"BOUNDARY\" \"b1\") NIL NIL NIL))\r\n"
        "a1 OK FETCH completed\r\n";
    EXPECT_EQ(raw("a1 FETCH 2 BODYSTRUCTURE\r\n"), expected);
}

TEST_F(ImapMime, bodyLeavesOutTheExtensionData) {
    const std::string reply = raw("a1 FETCH 2 BODY\r\n");
    EXPECT_NE(reply.find("(\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 11 0)"), std::string::npos)
        << reply;
    EXPECT_NE(reply.find(" \"MIXED\"))\r\n"), std::string::npos) << reply;
    EXPECT_EQ(reply.find("BOUNDARY"), std::string::npos) << reply;
}

TEST_F(ImapMime, numberedSectionsReturnTheirPartsAsTheyTravelled) {
    EXPECT_EQ(raw("a1 FETCH 2 BODY.PEEK[1.1]\r\n"),
              "* 2 FETCH (BODY[1.1] {17}\r\ncaf=C3=A9 au lait)\r\na1 OK FETCH completed\r\n");
    EXPECT_EQ(raw("a2 FETCH 2 BODY.PEEK[2]\r\n"), "* 2 FETCH (BODY[2] {8}\r\nAAEC/w==)\r\na2 OK FETCH completed\r\n");
    EXPECT_EQ(raw("a3 FETCH 2 BODY.PEEK[1.2]<3.4>\r\n"),
              "* 2 FETCH (BODY[1.2]<3> {4}\r\ncafe)\r\na3 OK FETCH completed\r\n");
    // The body of a one-part message is its part 1.
    EXPECT_EQ(raw("a4 FETCH 1 BODY.PEEK[1]\r\n"),
              "* 1 FETCH (BODY[1] {22}\r\nDo you like ketchup?\r\n)\r\na4 OK FETCH completed\r\n");
    EXPECT_EQ(raw("a5 FETCH 2 BODY.PEEK[9]\r\n"), "* 2 FETCH (BODY[9] NIL)\r\na5 OK FETCH completed\r\n");
    EXPECT_EQ(raw("a6 FETCH 2 BODY.PEEK[1.1.1]\r\n"), "* 2 FETCH (BODY[1.1.1] NIL)\r\na6 OK FETCH completed\r\n");
}

TEST_F(ImapMime, mimeSectionsAreThePartsHeaders) {
    const std::string header =
        "Content-Type: application/octet-stream; name=\"x.bin\"\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Disposition: attachment; filename=\"x.bin\"\r\n"
        "\r\n";
    EXPECT_EQ(raw("a1 FETCH 2 BODY.PEEK[2.MIME]\r\n"), "* 2 FETCH (BODY[2.MIME] {" + std::to_string(header.size()) +
                                                          "}\r\n" + header + ")\r\na1 OK FETCH completed\r\n");
}

TEST_F(ImapMime, aMessageRfc822PartHasItsOwnHeaderAndText) {
    EXPECT_EQ(raw("a1 FETCH 2 BODY.PEEK[3.HEADER]\r\n"),
              "* 2 FETCH (BODY[3.HEADER] {43}\r\nFrom: carol@example.org\r\nSubject: inner\r\n\r\n)\r\n"
              "a1 OK FETCH completed\r\n");
    EXPECT_EQ(raw("a2 FETCH 2 BODY.PEEK[3.TEXT]\r\n"),
              "* 2 FETCH (BODY[3.TEXT] {10}\r\nInner body)\r\na2 OK FETCH completed\r\n");
    EXPECT_EQ(raw("a3 FETCH 2 BODY.PEEK[3.HEADER.FIELDS (SUBJECT)]\r\n"),
              "* 2 FETCH (BODY[3.HEADER.FIELDS (SUBJECT)] {18}\r\nSubject: inner\r\n\r\n)\r\na3 OK FETCH completed\r\n");
    EXPECT_EQ(raw("a4 FETCH 2 BODY.PEEK[3.1]\r\n"),
              "* 2 FETCH (BODY[3.1] {10}\r\nInner body)\r\na4 OK FETCH completed\r\n");
    // HEADER after a part number needs a message/rfc822 part.
    EXPECT_EQ(raw("a5 FETCH 2 BODY.PEEK[2.HEADER]\r\n"), "* 2 FETCH (BODY[2.HEADER] NIL)\r\na5 OK FETCH completed\r\n");
}

TEST_F(ImapMime, topLevelHeaderFieldsAndTheirNegationStillWork) {
    EXPECT_EQ(raw("a1 FETCH 2 BODY.PEEK[HEADER.FIELDS (To)]\r\n"),
              "* 2 FETCH (BODY[HEADER.FIELDS (To)] {25}\r\nTo: bob@hamburger.edu\r\n\r\n)\r\na1 OK FETCH completed\r\n");
    const std::string rest = raw("a2 FETCH 2 BODY.PEEK[HEADER.FIELDS.NOT (From To Subject Content-Type)]\r\n");
    EXPECT_NE(rest.find("{21}\r\nMIME-Version: 1.0\r\n\r\n)"), std::string::npos) << rest;
}

TEST_F(ImapMime, bodyWithAPartSetsSeenAndPeekDoesNot) {
    raw("a1 FETCH 2 BODY.PEEK[2]\r\n");
    EXPECT_EQ(raw("a2 FETCH 2 FLAGS\r\n"), "* 2 FETCH (FLAGS ())\r\na2 OK FETCH completed\r\n");
    EXPECT_NE(raw("a3 FETCH 2 BODY[2]\r\n").find("FLAGS (\\Seen)"), std::string::npos);
    EXPECT_EQ(raw("a4 FETCH 2 FLAGS\r\n"), "* 2 FETCH (FLAGS (\\Seen))\r\na4 OK FETCH completed\r\n");
}

TEST_F(ImapMime, searchDecodesEncodedWordsInHeaderFields) {
    EXPECT_EQ(raw("a1 SEARCH CHARSET UTF-8 SUBJECT {7+}\r\nCr\xC3\xAApes\r\n"), "* SEARCH 2\r\na1 OK SEARCH completed\r\n");
    EXPECT_EQ(raw("a2 SEARCH SUBJECT utf-8\r\n"), "* SEARCH\r\na2 OK SEARCH completed\r\n");
}

TEST_F(ImapMime, searchDecodesTransferEncodingsInTheBody) {
    EXPECT_EQ(raw("a2 SEARCH CHARSET UTF-8 BODY {5+}\r\ncaf\xC3\xA9\r\n"), "* SEARCH 2\r\na2 OK SEARCH completed\r\n");
    EXPECT_EQ(raw("a3 SEARCH BODY \"secret recipe\"\r\n"), "* SEARCH 2\r\na3 OK SEARCH completed\r\n");
    // What travelled encoded is not what the reader sees.
    EXPECT_EQ(raw("a4 SEARCH BODY \"=C3=A9\"\r\n"), "* SEARCH\r\na4 OK SEARCH completed\r\n");
    EXPECT_EQ(raw("a5 SEARCH BODY c2VjcmV0\r\n"), "* SEARCH\r\na5 OK SEARCH completed\r\n");
    // The header of a forwarded message is part of the body; plain messages are searched as before.
    EXPECT_EQ(raw("a6 SEARCH BODY carol\r\n"), "* SEARCH 2\r\na6 OK SEARCH completed\r\n");
    EXPECT_EQ(raw("a7 SEARCH BODY ketchup\r\n"), "* SEARCH 1\r\na7 OK SEARCH completed\r\n");
    EXPECT_EQ(raw("a8 SEARCH CHARSET UTF-8 TEXT {7+}\r\nCr\xC3\xAApes\r\n"), "* SEARCH 2\r\na8 OK SEARCH completed\r\n");
    EXPECT_EQ(raw("a9 SEARCH TEXT \"secret recipe\"\r\n"), "* SEARCH 2\r\na9 OK SEARCH completed\r\n");
}
