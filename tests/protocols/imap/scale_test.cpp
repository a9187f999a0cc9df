// A folder of 100,000 messages: SELECT, SEARCH UNSEEN, FETCH 1:* (FLAGS) and
// STATUS give complete, correct answers, and a session that is already
// selected learns of one new message with one EXISTS. How fast they are is
// measured by bench/imap_bench.cpp, not here.

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/protocols/imap/imap_test_support.hpp"

using namespace netstage;
using namespace netstage::imap;
using namespace netstage::imap::test;

namespace {
constexpr int messageCount = 100000;
}  // namespace

TEST(ImapScale, aHundredThousandMessagesAreServedCompletely) {
    mail::MailStore store;
    const std::string body = message("bulk");
    for (int i = 0; i < messageCount; ++i) {
        const auto uid = store.deliver("bob", body, i);
        if (i % 2 == 0) store.markSeen("bob", uid);
    }
    Server server{store};
    server.login();

    server.session.receive("s SELECT INBOX\r\n", 0ns);
    std::string out = server.session.takeOutput();
    EXPECT_NE(out.find("* 100000 EXISTS\r\n"), std::string::npos);
    EXPECT_NE(out.find("* OK [UNSEEN 2]"), std::string::npos);
    EXPECT_NE(out.find("* OK [UIDNEXT 100001]"), std::string::npos);

    // "* SEARCH" and one number per unseen message: every even sequence number.
    server.session.receive("u SEARCH UNSEEN\r\n", 0ns);
    out = server.session.takeOutput();
    const std::string searchLine = out.substr(0, out.find("\r\n"));
    EXPECT_EQ(std::count(searchLine.begin(), searchLine.end(), ' '), 1 + messageCount / 2);
    EXPECT_EQ(searchLine.substr(0, 13), "* SEARCH 2 4 ");
    EXPECT_EQ(searchLine.substr(searchLine.size() - 7), " 100000");
    EXPECT_NE(out.find("\r\nu OK SEARCH completed\r\n"), std::string::npos);

    server.session.receive("f FETCH 1:* (FLAGS)\r\n", 0ns);
    out = server.session.takeOutput();
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), messageCount + 1);
    EXPECT_EQ(out.substr(0, 27), "* 1 FETCH (FLAGS (\\Seen))\r\n");
    EXPECT_NE(out.find("\r\n* 100000 FETCH (FLAGS ())\r\nf OK FETCH completed\r\n"), std::string::npos);

    server.session.receive("t STATUS INBOX (UNSEEN MESSAGES)\r\n", 0ns);
    out = server.session.takeOutput();
    EXPECT_NE(out.find("(UNSEEN 50000 MESSAGES 100000)"), std::string::npos);

    // Messages delivered while the session is selected are reported as they come.
    store.deliver("bob", body, messageCount);
    server.session.receive("n NOOP\r\n", 0ns);
    EXPECT_EQ(server.session.takeOutput(), "* 100001 EXISTS\r\nn OK NOOP completed\r\n");
}
