#include <gtest/gtest.h>

#include "protocols/imap/imap_syntax.hpp"
#include "protocols/imap/message_view.hpp"
#include "protocols/imap/sequence_set.hpp"

using namespace netstage::imap;

TEST(ImapSyntax, readsAtomsQuotedStringsAndLiterals) {
    Cursor c{"bob \"p@ss \\\"word\\\"\" {5}\r\nhe\r\nl NIL"};
    EXPECT_EQ(c.astring(), "bob");
    EXPECT_TRUE(c.space());
    EXPECT_EQ(c.astring(), "p@ss \"word\"");
    EXPECT_TRUE(c.space());
    EXPECT_EQ(c.astring(), "he\r\nl");
    EXPECT_TRUE(c.space());
    auto nil = c.nstring();
    ASSERT_TRUE(nil.has_value());
    EXPECT_FALSE(nil->has_value());
    EXPECT_TRUE(c.atEnd());
}

TEST(ImapSyntax, refusesBrokenStrings) {
    Cursor unterminated{"\"abc"};
    EXPECT_FALSE(unterminated.quoted().has_value());
    Cursor shortLiteral{"{9}\r\nabc"};
    EXPECT_FALSE(shortLiteral.literal().has_value());
    Cursor badEscape{"\"a\\b\""};
    EXPECT_FALSE(badEscape.quoted().has_value());
}

TEST(ImapSyntax, writesTheSmallestSafeForm) {
    EXPECT_EQ(astringOf("INBOX"), "INBOX");
    EXPECT_EQ(astringOf("My Stuff"), "\"My Stuff\"");
    EXPECT_EQ(astringOf("NIL"), "\"NIL\"");
    EXPECT_EQ(astringOf(""), "\"\"");
    EXPECT_EQ(stringOf("a\"b"), "\"a\\\"b\"");
    EXPECT_EQ(stringOf("a\r\nb"), "{4}\r\na\r\nb");
}

TEST(ImapSyntax, findsTrailingLiteralAnnouncements) {
    auto sync = trailingLiteral("A1 APPEND INBOX {83}");
    ASSERT_TRUE(sync.has_value());
    EXPECT_EQ(sync->size, 83u);
    EXPECT_FALSE(sync->nonSynchronizing);
    auto plus = trailingLiteral("A1 LOGIN {3+}");
    ASSERT_TRUE(plus.has_value());
    EXPECT_TRUE(plus->nonSynchronizing);
    EXPECT_FALSE(trailingLiteral("A1 NOOP").has_value());
    EXPECT_FALSE(trailingLiteral("A1 X {}").has_value());
    EXPECT_FALSE(trailingLiteral("A1 X {1a}").has_value());
}


TEST(ImapSyntax, formatsAndParsesDates) {
    EXPECT_EQ(formatDateTime(0), "01-Jan-1970 00:00:00 +0000");
    EXPECT_EQ(formatDateTime(1582192800), "20-Feb-2020 10:00:00 +0000");
    EXPECT_EQ(parseDateTime("20-Feb-2020 10:00:00 +0000"), 1582192800);
    EXPECT_EQ(parseDateTime(" 1-Mar-2020 00:00:00 -0100"), 1583024400);
    EXPECT_EQ(parseDate("1-Feb-1994"), daysFromCivil(1994, 2, 1));
    EXPECT_FALSE(parseDate("1-Foo-1994").has_value());
    EXPECT_FALSE(parseDateTime("20-Feb-2020 25:00:00 +0000").has_value());
    EXPECT_EQ(dayOf(-1), -1);
}

TEST(ImapSyntax, splitsLinesForTranscripts) {
    EXPECT_EQ(splitLines("a\r\nb\nc"), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(splitLines("a\r\n\r\n"), (std::vector<std::string>{"a", ""}));
}

TEST(SequenceSet, parsesRangesStarsAndLists) {
    auto set = SequenceSet::parse("1,3:5,7:*");
    ASSERT_TRUE(set.has_value());
    EXPECT_EQ(set->toString(), "1,3:5,7:*");
    EXPECT_TRUE(set->contains(4, 10));
    EXPECT_FALSE(set->contains(6, 10));
    EXPECT_TRUE(set->contains(10, 10));
    auto reversed = SequenceSet::parse("5:2");
    ASSERT_TRUE(reversed.has_value());
    EXPECT_TRUE(reversed->contains(3, 10));
    EXPECT_FALSE(SequenceSet::parse("0").has_value());
    EXPECT_FALSE(SequenceSet::parse("1:").has_value());
    EXPECT_FALSE(SequenceSet::parse("a").has_value());
    EXPECT_FALSE(SequenceSet::parse("99999999999").has_value());
    EXPECT_EQ(SequenceSet::format({1, 2, 3, 7, 9, 10}), "1:3,7,9:10");
}

TEST(MessageView, findsUnfoldedFieldsAndTheBody) {
    const std::string raw = "Subject: a long\r\n\tsubject\r\nFROM: x@y\r\n\r\nbody\r\n";
    MessageView view{raw};
    EXPECT_EQ(view.field("subject"), "a long subject");
    EXPECT_EQ(view.field("From"), "x@y");
    EXPECT_FALSE(view.field("To").has_value());
    EXPECT_EQ(view.text(), "body\r\n");
    EXPECT_EQ(view.header(), "Subject: a long\r\n\tsubject\r\nFROM: x@y\r\n\r\n");
    EXPECT_EQ(view.headerFields({"from"}, false), "FROM: x@y\r\n\r\n");
}

TEST(MessageView, treatsAMessageWithoutBlankLineAsAllHeader) {
    MessageView view{"Subject: x\r\n"};
    EXPECT_EQ(view.text(), "");
    EXPECT_EQ(view.field("Subject"), "x");
}

TEST(MessageView, parsesAddressListsWithNamesQuotesAndGroups) {
    auto list = parseAddressList("\"Doe, John\" <john@example.org>, bob@hamburger.edu (Bob), team: a@b, c@d;");
    ASSERT_EQ(list.size(), 4u);
    EXPECT_EQ(list[0].name, "Doe, John");
    EXPECT_EQ(list[0].mailbox, "john");
    EXPECT_EQ(list[0].host, "example.org");
    EXPECT_FALSE(list[1].name.has_value());
    EXPECT_EQ(list[1].mailbox, "bob");
    EXPECT_EQ(list[2].mailbox, "a");
    EXPECT_EQ(list[3].host, "d");
}

TEST(MessageView, envelopeDefaultsSenderAndReplyToToFrom) {
    MessageView view{"From: a@b\r\nSubject: hi\r\n\r\n"};
    EXPECT_EQ(view.envelope(), "(NIL \"hi\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)");
}
