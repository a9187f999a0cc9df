#include <gtest/gtest.h>

#include "protocols/smtp/reply.hpp"

using namespace netstage::smtp;

TEST(SmtpReply, formatsSingleAndMultiLineReplies) {
    EXPECT_EQ(formatReply(Reply{220, {"hamburger.edu"}}), "220 hamburger.edu\r\n");
    EXPECT_EQ(formatReply(Reply{250, {"lab.example", "SIZE 10", "HELP"}}),
              "250-lab.example\r\n250-SIZE 10\r\n250 HELP\r\n");
    EXPECT_EQ(formatReply(Reply{250, {}}), "250\r\n");
    EXPECT_THROW(formatReply(Reply{42, {"x"}}), std::invalid_argument);
}

TEST(SmtpReply, parsesAMultiLineReplyLineByLine) {
    ReplyParser parser;
    EXPECT_EQ(parser.feed("250-lab.example greets you"), ReplyParser::Status::NeedMore);
    EXPECT_EQ(parser.feed("250-SIZE 100"), ReplyParser::Status::NeedMore);
    EXPECT_EQ(parser.feed("250 HELP"), ReplyParser::Status::Complete);
    EXPECT_EQ(parser.takeWireLines(), (std::vector<std::string>{"250-lab.example greets you", "250-SIZE 100", "250 HELP"}));
    EXPECT_EQ(parser.take(), (Reply{250, {"lab.example greets you", "SIZE 100", "HELP"}}));
    EXPECT_EQ(parser.feed("221"), ReplyParser::Status::Complete);
    EXPECT_EQ(parser.take(), (Reply{221, {""}}));
}

TEST(SmtpReply, rejectsMalformedReplyLines) {
    for (const char* bad : {"", "25", "abc hello", "250x", "650 nope", "099 low"}) {
        ReplyParser parser;
        EXPECT_EQ(parser.feed(bad), ReplyParser::Status::Malformed) << bad;
    }
    ReplyParser parser;
    EXPECT_EQ(parser.feed("250-a"), ReplyParser::Status::NeedMore);
    EXPECT_EQ(parser.feed("251 b"), ReplyParser::Status::Malformed);
}

TEST(SmtpReply, aReplyTextWithALineBreakIsNeverFormatted) {
    EXPECT_THROW(formatReply(Reply{220, {"hamburger.edu\r\n250 fake"}}), std::invalid_argument);
    EXPECT_THROW(formatReply(Reply{250, {"ok", "SIZE\n100"}}), std::invalid_argument);
    EXPECT_THROW(formatReply(Reply{250, {"bare\rcarriage return"}}), std::invalid_argument);
}
