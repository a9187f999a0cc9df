#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "protocols/mail/message.hpp"
#include "protocols/mail/message_compose.hpp"

using namespace netstage::mail;

namespace {

const std::string swaksMessage =
    "Date: Fri, 27 Nov 2026 12:00:00 +0000\r\n"
    "To: bob@hamburger.edu\r\n"
    "From: alice@crepes.fr\r\n"
    "Subject: test Fri, 27 Nov 2026\r\n"
    "  folded part\r\n"
    "Message-Id: <1@crepes.fr>\r\n"
    "X-Mailer: swaks\r\n"
    "\r\n"
    "Do you like ketchup?\r\n"
    ".How about pickles?\r\n";

}  // namespace

TEST(MessageParse, splitsHeaderFieldsFromTheBodyAtTheFirstEmptyLine) {
    const auto parsed = parseMessage(swaksMessage);
    ASSERT_TRUE(parsed.ok());
    const InternetMessage& message = parsed.value();
    ASSERT_EQ(message.headers.size(), 6u);
    EXPECT_EQ(message.headers[0].name, "Date");
    EXPECT_EQ(message.headers[3].value, "test Fri, 27 Nov 2026  folded part");
    EXPECT_EQ(message.headers[3].raw, "Subject: test Fri, 27 Nov 2026\r\n  folded part");
    EXPECT_EQ(message.body, "Do you like ketchup?\r\n.How about pickles?\r\n");
}

TEST(MessageParse, serializingAParsedCrlfMessageGivesBackTheSameBytes) {
    const auto parsed = parseMessage(swaksMessage);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(serialize(parsed.value()), swaksMessage);
}

TEST(MessageParse, headerLookupIgnoresCase) {
    const auto parsed = parseMessage(swaksMessage);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(headerValue(parsed.value(), "message-id"), "<1@crepes.fr>");
    EXPECT_EQ(headerValue(parsed.value(), "SUBJECT"), "test Fri, 27 Nov 2026  folded part");
    EXPECT_EQ(findHeader(parsed.value(), "Cc"), nullptr);
    EXPECT_EQ(headerValue(parsed.value(), "cc"), std::nullopt);
}

TEST(MessageParse, headerValuesReturnsEveryRepeatedFieldInOrder) {
    const auto parsed = parseMessage("Received: a\r\nReceived: b\r\nFrom: x@y\r\n\r\n");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(headerValues(parsed.value(), "received"), (std::vector<std::string>{"a", "b"}));
}

TEST(MessageParse, acceptsBareLfLinesAndSerializesThemWithCrlf) {
    const auto parsed = parseMessage("From: a@b\nSubject: hi\n\nline one\nline two\n");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(headerValue(parsed.value(), "subject"), "hi");
    EXPECT_EQ(serialize(parsed.value()), "From: a@b\r\nSubject: hi\r\n\r\nline one\r\nline two\r\n");
}

TEST(MessageParse, aMessageWithOnlyHeaderFieldsHasAnEmptyBody) {
    const auto parsed = parseMessage("From: a@b\r\n");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().headers.size(), 1u);
    EXPECT_EQ(parsed.value().body, "");
    EXPECT_EQ(serialize(parsed.value()), "From: a@b\r\n\r\n");
}

TEST(MessageParse, anEmptyInputIsAMessageWithNothingInIt) {
    const auto parsed = parseMessage("");
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed.value().headers.empty());
}

TEST(MessageParse, aLineThatIsNotAFieldIsAnErrorWithItsOffset) {
    const auto parsed = parseMessage("From: a@b\r\nDo you like ketchup?\r\n");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().offset, 11u);
}

TEST(MessageParse, aContinuationLineBeforeAnyFieldIsAnError) {
    const auto parsed = parseMessage(" folded\r\nFrom: a@b\r\n\r\n");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().offset, 0u);
}

TEST(MessageParse, aControlCharacterInAFieldNameIsAnErrorAtThatOctet) {
    const std::string text = std::string{"From: a@b\r\nX-B"} + '\x01' + "d: v\r\n\r\n";
    const auto parsed = parseMessage(text);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().offset, 14u);
}

TEST(MessageParse, obsoleteWhitespaceBeforeTheColonIsAccepted) {
    const auto parsed = parseMessage("Subject : hello\r\n\r\n");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().headers[0].name, "Subject");
    EXPECT_EQ(parsed.value().headers[0].value, "hello");
}

TEST(MessageParse, asksForTheValueOfAFailedResultThrows) {
    const auto parsed = parseMessage("no colon here\r\n");
    ASSERT_FALSE(parsed.ok());
    EXPECT_THROW((void)parsed.value(), std::logic_error);
}

TEST(MessageParse, eightBitOctetsInTheBodyArePreserved) {
    const std::string text = "From: a@b\r\n\r\nGr\xc3\xbc\xc3\x9f""e\r\n";
    const auto parsed = parseMessage(text);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(serialize(parsed.value()), text);
}

TEST(MessageParse, everyPrefixOfAMessageEitherParsesOrReportsAnOffsetInsideIt) {
    for (std::size_t i = 0; i <= swaksMessage.size(); ++i) {
        const auto parsed = parseMessage(std::string_view{swaksMessage}.substr(0, i));
        if (!parsed.ok()) {
            EXPECT_LE(parsed.error().offset, i);
        }
    }
}

TEST(MessageCompose, writesFromToCcSubjectDateMessageIdInThatOrder) {
    ComposeOptions options;
    options.from = "alice@crepes.fr";
    options.to = {"bob@hamburger.edu"};
    options.cc = {"carol@hamburger.edu"};
    options.subject = "ketchup";
    options.date = formatRfc5322Date(0);
    options.messageId = "1@crepes.fr";
    options.body = "Do you like ketchup?\nHow about pickles?\n";
    const auto composed = composeMessage(options);
    ASSERT_TRUE(composed.ok());
    EXPECT_EQ(serialize(composed.value()),
              "From: alice@crepes.fr\r\n"
              "To: bob@hamburger.edu\r\n"
              "Cc: carol@hamburger.edu\r\n"
              "Subject: ketchup\r\n"
              "Date: Thu, 1 Jan 1970 00:00:00 +0000\r\n"
              "Message-ID: <1@crepes.fr>\r\n"
              "\r\n"
              "Do you like ketchup?\r\n"
              "How about pickles?\r\n");
}

TEST(MessageCompose, leavesOutCcAndMessageIdWhenNotGiven) {
    ComposeOptions options;
    options.from = "a@b";
    options.to = {"c@d"};
    options.subject = "s";
    options.date = "Thu, 1 Jan 1970 00:00:00 +0000";
    const auto composed = composeMessage(options);
    ASSERT_TRUE(composed.ok());
    ASSERT_EQ(composed.value().headers.size(), 4u);
    EXPECT_EQ(findHeader(composed.value(), "cc"), nullptr);
    EXPECT_EQ(findHeader(composed.value(), "message-id"), nullptr);
}

TEST(MessageCompose, foldsALongRecipientListAfterCommas) {
    ComposeOptions options;
    options.from = "a@b";
    for (int i = 0; i < 10; ++i) options.to.push_back("recipient" + std::to_string(i) + "@hamburger.edu");
    const auto composed = composeMessage(options);
    ASSERT_TRUE(composed.ok());
    const HeaderField* to = findHeader(composed.value(), "to");
    ASSERT_NE(to, nullptr);
    EXPECT_NE(to->raw.find("\r\n "), std::string::npos);
    std::size_t start = 0;
    while (start < to->raw.size()) {
        std::size_t end = to->raw.find("\r\n", start);
        if (end == std::string::npos) end = to->raw.size();
        EXPECT_LE(end - start, 78u);
        start = end + 2;
    }
    // Parsing the composed message unfolds the list back into one value.
    const auto reparsed = parseMessage(serialize(composed.value()));
    ASSERT_TRUE(reparsed.ok());
    EXPECT_EQ(headerValue(reparsed.value(), "To"), to->value);
}

TEST(MessageCompose, refusesNonAsciiWithoutMime) {
    ComposeOptions options;
    options.from = "a@b";
    options.subject = "caf\xc3\xa9";
    const auto composed = composeMessage(options);
    ASSERT_FALSE(composed.ok());
    EXPECT_EQ(composed.error().offset, 3u);
    EXPECT_NE(composed.error().message.find("subject"), std::string::npos);
}

TEST(MessageCompose, refusesANonAsciiBodyAndABodyLineOver998Octets) {
    ComposeOptions options;
    options.from = "a@b";
    options.body = "ok\n\xff";
    ASSERT_FALSE(composeMessage(options).ok());
    options.body = std::string(998, 'x') + "\n";
    EXPECT_TRUE(composeMessage(options).ok());
    options.body = std::string(999, 'x') + "\n";
    const auto composed = composeMessage(options);
    ASSERT_FALSE(composed.ok());
    EXPECT_EQ(composed.error().offset, 998u);
}

TEST(MessageCompose, refusesALineBreakInsideAHeaderValue) {
    ComposeOptions options;
    options.from = "a@b";
    options.subject = "hi\r\nBcc: evil@x";
    EXPECT_FALSE(composeMessage(options).ok());
}

TEST(MessageCompose, refusesAMessageWithoutAnOriginator) {
    ComposeOptions options;
    options.to = {"bob@hamburger.edu"};
    EXPECT_FALSE(composeMessage(options).ok());
}

TEST(MessageDate, formatsKnownInstantsInUtc) {
    EXPECT_EQ(formatRfc5322Date(0), "Thu, 1 Jan 1970 00:00:00 +0000");
    EXPECT_EQ(formatRfc5322Date(951782400), "Tue, 29 Feb 2000 00:00:00 +0000");
    EXPECT_EQ(formatRfc5322Date(1795782919), "Fri, 27 Nov 2026 12:35:19 +0000");
    EXPECT_EQ(formatRfc5322Date(-1), "Wed, 31 Dec 1969 23:59:59 +0000");
    EXPECT_EQ(formatRfc5322Date(4102444799), "Thu, 31 Dec 2099 23:59:59 +0000");
}

TEST(MessageTrace, aReceivedFieldNamesBothHostsTheProtocolAndTheRecipient) {
    ReceivedInfo info;
    info.fromDomain = "crepes.fr";
    info.byDomain = "hamburger.edu";
    info.with = "SMTP";
    info.id = "1";
    info.recipient = "bob@hamburger.edu";
    info.date = formatRfc5322Date(0);
    const HeaderField field = makeReceivedHeader(info);
    EXPECT_EQ(field.raw,
              "Received: from crepes.fr by hamburger.edu with SMTP id 1\r\n"
              "\tfor <bob@hamburger.edu>; Thu, 1 Jan 1970 00:00:00 +0000");
    EXPECT_EQ(field.value,
              "from crepes.fr by hamburger.edu with SMTP id 1 for <bob@hamburger.edu>; Thu, 1 Jan 1970 00:00:00 +0000");
}

TEST(MessageTrace, prependingTraceFieldsWorksOnTextWithoutHeaders) {
    ReceivedInfo info;
    info.fromDomain = "crepes.fr";
    info.byDomain = "hamburger.edu";
    info.with = "ESMTP";
    info.date = "Thu, 1 Jan 1970 00:00:00 +0000";
    const std::string body = "Do you like ketchup?\r\nHow about pickles?\r\n";
    std::string stored = prependReceived(body, info);
    stored = prependField(stored, makeReturnPath("alice@crepes.fr"));
    EXPECT_EQ(stored,
              "Return-Path: <alice@crepes.fr>\r\n"
              "Received: from crepes.fr by hamburger.edu with ESMTP\r\n"
              "\t; Thu, 1 Jan 1970 00:00:00 +0000\r\n" +
                  body);
    EXPECT_EQ(makeReturnPath("").value, "<>");
}

TEST(MessageTrace, prependHeaderPutsTheFieldFirst) {
    auto parsed = parseMessage("From: a@b\r\n\r\nhi\r\n");
    ASSERT_TRUE(parsed.ok());
    prependHeader(parsed.value(), makeReturnPath("a@b"));
    EXPECT_EQ(serialize(parsed.value()), "Return-Path: <a@b>\r\nFrom: a@b\r\n\r\nhi\r\n");
}
