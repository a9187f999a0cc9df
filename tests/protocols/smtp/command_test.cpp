#include <gtest/gtest.h>

#include "protocols/smtp/command.hpp"
#include "protocols/smtp/dot_stuffing.hpp"

using namespace netstage::smtp;

namespace {
PathArgument parseOk(std::string_view argument, std::string_view keyword, bool allowNull) {
    auto parsed = parsePathArgument(argument, keyword, allowNull);
    EXPECT_TRUE(std::holds_alternative<PathArgument>(parsed)) << argument;
    return std::holds_alternative<PathArgument>(parsed) ? std::get<PathArgument>(parsed) : PathArgument{};
}
bool fails(std::string_view argument, std::string_view keyword, bool allowNull) {
    return std::holds_alternative<PathError>(parsePathArgument(argument, keyword, allowNull));
}
}  // namespace

TEST(SmtpCommand, splitsTheVerbFromItsArgumentAndUpperCasesIt) {
    const CommandLine line = splitCommand("mail FROM:<a@b.c>  ");
    EXPECT_EQ(line.word, "MAIL");
    EXPECT_EQ(line.argument, "FROM:<a@b.c>");
    EXPECT_EQ(splitCommand("quit").word, "QUIT");
    EXPECT_EQ(splitCommand("").word, "");
    EXPECT_EQ(verbFromWord("RCPT"), Verb::Rcpt);
    EXPECT_EQ(verbFromWord("rcpt"), std::nullopt);
}

TEST(SmtpCommand, parsesPathsWithOrWithoutASpaceAfterTheColon) {
    EXPECT_EQ(parseOk("FROM:<alice@crepes.fr>", "FROM", true).address, "alice@crepes.fr");
    EXPECT_EQ(parseOk("FROM: <alice@crepes.fr>", "FROM", true).address, "alice@crepes.fr");
    EXPECT_EQ(parseOk("from:<alice@crepes.fr>", "FROM", true).address, "alice@crepes.fr");
    EXPECT_EQ(parseOk("TO:bob@hamburger.edu", "TO", false).address, "bob@hamburger.edu");
}

TEST(SmtpCommand, parsesParametersWithUpperCasedKeywords) {
    const PathArgument path = parseOk("FROM:<a@b.c> size=28 BODY=8BITMIME", "FROM", true);
    ASSERT_EQ(path.params.size(), 2u);
    EXPECT_EQ(path.params[0].first, "SIZE");
    EXPECT_EQ(path.params[0].second, "28");
    EXPECT_EQ(path.params[1].first, "BODY");
}

TEST(SmtpCommand, acceptsTheNullPathOnlyWhereAllowed) {
    EXPECT_EQ(parseOk("FROM:<>", "FROM", true).address, "");
    EXPECT_TRUE(fails("TO:<>", "TO", false));
}

TEST(SmtpCommand, dropsASourceRoute) {
    EXPECT_EQ(parseOk("TO:<@relay.example:bob@hamburger.edu>", "TO", false).address, "bob@hamburger.edu");
}

TEST(SmtpCommand, enforcesTheRfcLengthLimits) {
    EXPECT_TRUE(fails("TO:<" + std::string(65, 'a') + "@b.c>", "TO", false));
    EXPECT_FALSE(fails("TO:<" + std::string(64, 'a') + "@b.c>", "TO", false));
    EXPECT_TRUE(fails("TO:<a@" + std::string(256, 'b') + ">", "TO", false));
}

TEST(SmtpCommand, rejectsMalformedPaths) {
    EXPECT_TRUE(fails("FROM <a@b.c>", "FROM", true));
    EXPECT_TRUE(fails("FROM:<a@b.c", "FROM", true));
    EXPECT_TRUE(fails("FROM:<a@b.c>x", "FROM", true));
    EXPECT_TRUE(fails("FROM:<@b.c>", "FROM", true));
    EXPECT_TRUE(fails("FROM:<a@>", "FROM", true));
    EXPECT_TRUE(fails("FROM:<postmaster>", "FROM", true));
    EXPECT_FALSE(fails("TO:<Postmaster>", "TO", false));
    EXPECT_TRUE(fails("FROM:<a@b.c> =x", "FROM", true));
}

TEST(SmtpCommand, recognisesCleanCommandText) {
    EXPECT_TRUE(isCleanCommandText("FROM:<a@b.c>\tSIZE=1"));
    EXPECT_FALSE(isCleanCommandText(std::string{"a\0b", 3}));
    EXPECT_FALSE(isCleanCommandText("caf\xc3\xa9"));
    EXPECT_FALSE(isCleanCommandText("del\x7f"));
}

TEST(SmtpDotStuffing, stuffsLinesThatStartWithADot) {
    EXPECT_EQ(stuffedDataLines(".\r\n..x\nplain\r\nno ending"),
              (std::vector<std::string>{"..", "...x", "plain", "no ending"}));
    EXPECT_TRUE(stuffedDataLines("").empty());
    EXPECT_EQ(stuffedDataLines("\r\n"), std::vector<std::string>{""});
}

TEST(SmtpDotStuffing, unstuffingRemovesExactlyOneDot) {
    EXPECT_EQ(unstuffDataLine("..x"), ".x");
    EXPECT_EQ(unstuffDataLine("x."), "x.");
    EXPECT_EQ(unstuffDataLine(""), "");
}
