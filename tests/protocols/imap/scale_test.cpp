// A folder of 100,000 messages: SELECT, SEARCH UNSEEN and FETCH 1:* (FLAGS)
// must each stay well under a second. The stopwatch lives only in this test.

#include <gtest/gtest.h>

#include <chrono>

#include "tests/protocols/imap/imap_test_support.hpp"

using namespace netstage;
using namespace netstage::imap;
using namespace netstage::imap::test;

namespace {
constexpr int messageCount = 100000;

template <typename Fn>
std::chrono::milliseconds timed(Fn fn) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}
}  // namespace

TEST(ImapScale, aHundredThousandMessagesStayFast) {
    mail::MailStore store;
    const std::string body = message("bulk");
    for (int i = 0; i < messageCount; ++i) {
        const auto uid = store.deliver("bob", body, i);
        if (i % 2 == 0) store.markSeen("bob", uid);
    }
    Server server{store};
    server.login();
    std::string out;

    auto select = timed([&] {
        server.session.receive("s SELECT INBOX\r\n");
        out = server.session.takeOutput();
    });
    EXPECT_NE(out.find("* 100000 EXISTS\r\n"), std::string::npos);
    EXPECT_NE(out.find("* OK [UNSEEN 2]"), std::string::npos);
    EXPECT_LT(select.count(), 1000);

    auto search = timed([&] {
        server.session.receive("u SEARCH UNSEEN\r\n");
        out = server.session.takeOutput();
    });
    EXPECT_EQ(std::count(out.begin(), out.end(), ' '), 1 + messageCount / 2 + 3);
    EXPECT_LT(search.count(), 1000);

    auto fetch = timed([&] {
        server.session.receive("f FETCH 1:* (FLAGS)\r\n");
        out = server.session.takeOutput();
    });
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), messageCount + 1);
    EXPECT_LT(fetch.count(), 1000);

    auto status = timed([&] {
        server.session.receive("t STATUS INBOX (UNSEEN MESSAGES)\r\n");
        out = server.session.takeOutput();
    });
    EXPECT_NE(out.find("(UNSEEN 50000 MESSAGES 100000)"), std::string::npos);
    EXPECT_LT(status.count(), 1000);

    // Messages delivered while the session is selected cost only what changed.
    store.deliver("bob", body, messageCount);
    auto noop = timed([&] {
        server.session.receive("n NOOP\r\n");
        out = server.session.takeOutput();
    });
    EXPECT_EQ(out, "* 100001 EXISTS\r\nn OK NOOP completed\r\n");
    EXPECT_LT(noop.count(), 1000);
}
