#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "protocols/ftp/address.hpp"
#include "protocols/ftp/command.hpp"
#include "protocols/ftp/reply.hpp"
#include "protocols/ftp/transfer_format.hpp"

using namespace netstage::ftp;

namespace {
struct Seen {
    int code;
    std::vector<std::string> lines;
    bool operator==(const Seen&) const = default;
};

std::vector<Seen> readReplies(const std::vector<std::string_view>& chunks, int* errors) {
    ReplyReader reader;
    std::vector<Seen> out;
    for (auto chunk : chunks) {
        reader.feed(chunk);
        for (;;) {
            auto result = reader.next();
            if (result.error) {
                ++*errors;
                continue;
            }
            if (!result.reply) break;
            out.push_back({result.reply->code, result.reply->lines});
        }
    }
    return out;
}

const std::string kReplies =
    "220 ready\r\n211-Features:\r\n EPSV\r\n SIZE\r\n211 End\r\n"
    "227 Entering Passive Mode (10,0,2,1,195,80).\r\n214-Help\r\n214-middle\r\n214 done\r\nbogus\r\n226 ok\n";
}  // namespace

TEST(FtpReplyReader, readsSingleAndMultiLineRepliesSplitAtEveryIndex) {
    int errors = 0;
    const auto whole = readReplies({kReplies}, &errors);
    ASSERT_EQ(errors, 1);
    ASSERT_EQ(whole.size(), 5u);
    EXPECT_EQ(whole[1], (Seen{211, {"Features:", " EPSV", " SIZE", "End"}}));
    EXPECT_EQ(whole[3], (Seen{214, {"Help", "middle", "done"}}));
    EXPECT_EQ(whole[4], (Seen{226, {"ok"}}));
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < kReplies.size(); ++i) bytes.push_back(std::string_view{kReplies}.substr(i, 1));
    errors = 0;
    EXPECT_EQ(readReplies(bytes, &errors), whole);
    EXPECT_EQ(errors, 1);
    for (std::size_t split = 0; split <= kReplies.size(); ++split) {
        errors = 0;
        const std::string_view all{kReplies};
        EXPECT_EQ(readReplies({all.substr(0, split), all.substr(split)}, &errors), whole) << split;
        EXPECT_EQ(errors, 1);
    }
}

TEST(FtpReplyReader, aCodeWhoseFirstDigitIsNotOneToFiveIsMalformed) {
    int errors = 0;
    const auto replies = readReplies({"027 Entering Passive Mode\r\n699 no\r\n150 ok\r\n"}, &errors);
    EXPECT_EQ(errors, 2);
    ASSERT_EQ(replies.size(), 1u);
    EXPECT_EQ(replies[0], (Seen{150, {"ok"}}));
}

TEST(FtpReplyReader, aReplyLineWithABareCarriageReturnIsMalformed) {
    int errors = 0;
    const auto replies = readReplies({"250 File deleted\r226 done\r\n150-a\r\nb\rc\r\n150 end\r\n200 ok\r\n"}, &errors);
    EXPECT_EQ(errors, 2);
    ASSERT_EQ(replies.size(), 2u);
    EXPECT_EQ(replies[0], (Seen{150, {"end"}}));
    EXPECT_EQ(replies[1], (Seen{200, {"ok"}}));
}

TEST(FtpReply, formatsMultiLineRepliesAsRfc959Says) {
    EXPECT_EQ(formatReply(Reply{226, {"done"}}), "226 done\r\n");
    EXPECT_EQ(formatReply(Reply{211, {"Features:", " SIZE", "123 looks like a code", "End"}}),
              "211-Features:\r\n SIZE\r\n 123 looks like a code\r\n211 End\r\n");
}

TEST(FtpAddress, parsesAndFormatsPortArguments) {
    const auto hp = parseHostPort("10,0,2,1,195,80");
    ASSERT_TRUE(hp.has_value());
    EXPECT_EQ(hp->addressText(), "10.0.2.1");
    EXPECT_EQ(hp->port, 50000);
    EXPECT_EQ(formatHostPort(*hp), "10,0,2,1,195,80");
    EXPECT_FALSE(parseHostPort("10,0,2,1,195"));
    EXPECT_FALSE(parseHostPort("10,0,2,1,195,256"));
    EXPECT_FALSE(parseHostPort("10,0,2,1,195,-1"));
    EXPECT_FALSE(parseHostPort("10,0,2,1,195,80,1"));
    EXPECT_FALSE(parseHostPort(""));
}

TEST(FtpAddress, parses227WhereverTheNumbersAre) {
    EXPECT_EQ(parse227("Entering Passive Mode (127,0,0,1,4,1)."), (HostPort{{127, 0, 0, 1}, 1025}));
    EXPECT_EQ(parse227("=127,0,0,1,4,1"), (HostPort{{127, 0, 0, 1}, 1025}));
    EXPECT_FALSE(parse227("Entering Passive Mode"));
    EXPECT_FALSE(parse227("(1,2,3)"));
}

TEST(FtpAddress, parses229WithFourIdenticalDelimiters) {
    EXPECT_EQ(parse229("Entering Extended Passive Mode (|||50000|)"), 50000);
    EXPECT_EQ(parse229("(!!!21!)"), 21);
    EXPECT_FALSE(parse229("(||50000|)"));
    EXPECT_FALSE(parse229("(|||50000!)"));
    EXPECT_FALSE(parse229("(|||70000|)"));
    EXPECT_FALSE(parse229("(|||0|)"));
    EXPECT_FALSE(parse229("no parenthesis"));
}

TEST(FtpAddress, parsesEprtAndFlagsOtherFamilies) {
    bool other = false;
    EXPECT_EQ(parseEprt("|1|132.235.1.2|6275|", &other), (HostPort{{132, 235, 1, 2}, 6275}));
    EXPECT_FALSE(other);
    EXPECT_FALSE(parseEprt("|2|1080::8:800:200C:417A|5282|", &other));
    EXPECT_TRUE(other);
    EXPECT_FALSE(parseEprt("|1|132.235.1.2|99999|", &other));
    EXPECT_FALSE(other);
    EXPECT_FALSE(parseEprt("|1|132.235.1.2|6275", &other));
    EXPECT_EQ(formatEprt(HostPort{{10, 0, 0, 1}, 40000}), "|1|10.0.0.1|40000|");
}

TEST(FtpCommand, splitsVerbAndArgument) {
    const auto parsed = parseCommand("retr My File.txt");
    EXPECT_EQ(parsed.error, CommandError::None);
    EXPECT_EQ(parsed.command.verb, "RETR");
    EXPECT_EQ(parsed.command.argument, "My File.txt");
    EXPECT_EQ(parseCommand("NOOP").command.argument, "");
    EXPECT_EQ(parseCommand("RE").error, CommandError::BadVerb);
    EXPECT_EQ(parseCommand("RETRY x").error, CommandError::BadVerb);
    EXPECT_EQ(parseCommand("R3TR x").error, CommandError::BadVerb);
    EXPECT_EQ(parseCommand(std::string{"CWD \0", 5}).error, CommandError::BadArgument);
    EXPECT_EQ(parseCommand("\xff\xf4\xff\xf2" "ABOR").command.verb, "ABOR");
}

TEST(FtpTransferFormat, asciiConversionRoundTripsAnyFile) {
    EXPECT_EQ(toNetworkAscii("a\nb\n"), "a\r\nb\r\n");
    EXPECT_EQ(fromNetworkAscii("a\r\nb\r\n"), "a\nb\n");
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    all += "\r\n\r\r\n";
    EXPECT_EQ(fromNetworkAscii(toNetworkAscii(all)), all);
}
