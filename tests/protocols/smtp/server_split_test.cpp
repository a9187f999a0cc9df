#include <gtest/gtest.h>

#include "tests/protocols/smtp/smtp_test_support.hpp"

using namespace netstage::smtp;
using namespace netstage::smtp::testing;

namespace {

// Every kind of line the server parses: tolerant commands, errors, an
// over-long line, bare LF, stuffing, curl's ending, pipelining and QUIT.
const std::vector<std::string> fixtures{
    "HELO crepes.fr\r\nMAIL FROM: <alice@crepes.fr>\r\nRCPT TO: <bob@hamburger.edu>\r\nDATA\r\n"
    "Do you like ketchup?\r\nHow about pickles?\r\n.\r\nQUIT\r\n",
    "ehlo py.example\r\nmail FROM:<a@b.org> size=28\r\nrcpt TO:<c@d.net>\r\ndata\r\n..stuffed\r\nlf only\n.dot\n"
    "\r\n.\r\nFOO\r\nNOOP " + std::string(600, 'x') + "\r\nRSET\r\nMAIL FROM:<>\r\nRCPT TO:<postmaster>\r\nDATA\r\n" +
        std::string(1200, 'y') + "\r\n.\r\nVRFY x\r\nQUIT\r\nNOOP\r\n",
    std::string{"\0\xff\r\nHELO \x01\r\n\r\n\n\r\rMAIL\r\n", 22},
};

ServerRun feed(const std::string& fixture, const std::vector<std::size_t>& cuts) {
    std::vector<std::string> chunks;
    std::size_t start = 0;
    for (const std::size_t cut : cuts) {
        chunks.push_back(fixture.substr(start, cut - start));
        start = cut;
    }
    chunks.push_back(fixture.substr(start));
    return runServer(lectureServerConfig(), nullptr, chunks);
}

}  // namespace

TEST(SmtpServerSplit, givesTheSameEventsAndBytesFedWholeByteByByteAndSplitAnywhere) {
    for (const std::string& fixture : fixtures) {
        const ServerRun whole = feed(fixture, {});
        ASSERT_GT(whole.events.size(), 3u);

        std::vector<std::size_t> everyByte;
        for (std::size_t i = 1; i < fixture.size(); ++i) everyByte.push_back(i);
        const ServerRun bytewise = feed(fixture, everyByte);
        EXPECT_EQ(bytewise.events, whole.events);
        EXPECT_EQ(bytewise.output, whole.output);

        for (std::size_t i = 0; i <= fixture.size(); ++i) {
            const ServerRun split = feed(fixture, {i});
            ASSERT_EQ(split.events, whole.events) << "split at " << i;
            ASSERT_EQ(split.output, whole.output) << "split at " << i;
        }
    }
}

TEST(SmtpServerSplit, theLectureFixtureProducesTheLectureReplies) {
    const ServerRun whole = feed(fixtures[0], {});
    EXPECT_EQ(whole.output,
              "220 hamburger.edu\r\n"
              "250 Hello crepes.fr, pleased to meet you\r\n"
              "250 alice@crepes.fr... Sender ok\r\n"
              "250 bob@hamburger.edu ... Recipient ok\r\n"
              "354 Enter mail, end with \".\" on a line by itself\r\n"
              "250 Message accepted for delivery\r\n"
              "221 hamburger.edu closing connection\r\n");
}
