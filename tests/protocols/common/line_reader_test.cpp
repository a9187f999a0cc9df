#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "protocols/common/line_reader.hpp"

using netstage::proto::Line;
using netstage::proto::LineReader;

namespace {
struct Seen {
    std::string text;
    bool bareLf;
    bool tooLong;
    bool operator==(const Seen&) const = default;
};

std::vector<Seen> readAll(const std::vector<std::string>& chunks, std::size_t limit) {
    LineReader reader{limit};
    std::vector<Seen> out;
    for (const auto& chunk : chunks) {
        reader.feed(chunk);
        while (auto line = reader.next()) out.push_back({line->text, line->bareLf, line->tooLong});
    }
    return out;
}

const std::string fixture = "HELO crepes.fr\r\nbare\nx" + std::string(40, 'y') + "\r\nlast\r\npartial";
}  // namespace

TEST(LineReader, givesTheSameLinesWhateverTheSplit) {
    const auto whole = readAll({fixture}, 32);
    ASSERT_EQ(whole.size(), 4u);
    EXPECT_EQ(whole[0], (Seen{"HELO crepes.fr", false, false}));
    EXPECT_EQ(whole[1], (Seen{"bare", true, false}));
    EXPECT_TRUE(whole[2].tooLong);
    EXPECT_EQ(whole[2].text.size(), 32u);
    EXPECT_EQ(whole[3], (Seen{"last", false, false}));

    std::vector<std::string> bytes;
    for (char c : fixture) bytes.emplace_back(1, c);
    EXPECT_EQ(readAll(bytes, 32), whole);
    for (std::size_t i = 0; i <= fixture.size(); ++i) {
        EXPECT_EQ(readAll({fixture.substr(0, i), fixture.substr(i)}, 32), whole) << "split at " << i;
    }
}

TEST(LineReader, aLineExactlyAtTheLimitIsNotTooLong) {
    // 512 octets including CRLF is the SMTP command limit.
    const std::string line(510, 'a');
    EXPECT_FALSE(readAll({line + "\r\n"}, 512).at(0).tooLong);
    EXPECT_TRUE(readAll({line + "a\r\n"}, 512).at(0).tooLong);
}

TEST(LineReader, anEndlessLineDoesNotGrowTheBuffer) {
    LineReader reader{100};
    for (int i = 0; i < 1000; ++i) {
        reader.feed(std::string(1000, 'z'));
        EXPECT_FALSE(reader.next().has_value());
        EXPECT_LE(reader.buffered(), 1000u);
    }
    reader.feed("\r\nOK\r\n");
    auto first = reader.next();
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->tooLong);
    auto second = reader.next();
    ASSERT_TRUE(second);
    EXPECT_EQ(second->text, "OK");
}

TEST(LineReader, takesRawOctetsForLiterals) {
    LineReader reader;
    reader.feed("{5}\r\nab\r\ncrest\r\n");
    EXPECT_EQ(reader.next()->text, "{5}");
    EXPECT_EQ(reader.takeRaw(5), std::optional<std::string>{"ab\r\nc"});
    EXPECT_EQ(reader.next()->text, "rest");
    EXPECT_FALSE(reader.takeRaw(1));
}

TEST(AsciiHelpers, compareWithoutCaseOrLocale) {
    EXPECT_TRUE(netstage::proto::iequals("mail", "MAIL"));
    EXPECT_FALSE(netstage::proto::iequals("mail", "MAILX"));
    EXPECT_TRUE(netstage::proto::istartsWith("rcpt TO:<bob@hamburger.edu>", "RCPT TO:"));
    EXPECT_EQ(netstage::proto::trimSpaces("  x y \t"), "x y");
}
