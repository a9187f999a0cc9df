// Hostile and broken input: every engine answers with the protocol's own
// error and goes on; nothing crashes or throws.

#include <gtest/gtest.h>

#include <cstdint>

#include "tests/protocols/imap/imap_test_support.hpp"

using namespace netstage;
using namespace netstage::imap;
using namespace netstage::imap::test;

namespace {
const char* const nasty[] = {
    "a FETCH 1:* (BODY[HEADER.FIELDS ()])",
    "a FETCH 1 (BODY[HEADER.FIELDS (Subject)",
    "a FETCH 4294967295:4294967296 FLAGS",
    "a FETCH 1 BODY[]<4294967295.1>",
    "a UID FETCH 4294967295:* FLAGS",
    "a UID FETCH 1,2,3,1:*,* (UID)",
    "a SEARCH NOT",
    "a SEARCH ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((ALL",
    "a SEARCH NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT "
    "NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT NOT "
    "NOT NOT NOT NOT NOT NOT NOT NOT NOT ALL",
    "a SEARCH HEADER",
    "a SEARCH LARGER x",
    "a STORE 1 +FLAGS (\\",
    "a STORE * FLAGS ()",
    "a UID",
    "a UID STORE",
    "a COPY * INBOX",
    "a LIST",
    "a LIST \"\" {4}",
    "a STATUS INBOX ()",
    "a SELECT \"unterminated",
    "a APPEND",
    "a APPEND INBOX ({5}",
    "a LOGIN \"a\\qb\" x",
    "a AUTHENTICATE",
    "a IDLE",
    "DONE",
    "* NOOP",
    "+ NOOP",
    "a EXPUNGE",
    "a CLOSE",
    "a SELECT INBOX",
    "a FETCH * (BODY[1.MIME] BODY[MIME] BODYSTRUCTURE BODY RFC822.TEXT)",
    "a LOGOUT",
};
}  // namespace

TEST(ImapRobustness, nastyCommandsGetRepliesAndTheSessionGoesOn) {
    mail::MailStore store;
    store.deliver("bob", "no header at all", 0);
    Server server{store};
    server.login();
    for (const char* line : nasty) {
        auto reply = server.send(std::string{line} + "\r\n");
        if (server.session.closed()) break;
        ASSERT_FALSE(reply.empty()) << line;
        // Every tagged or untagged status is upper case and followed by text.
        const std::string& last = reply.back();
        EXPECT_TRUE(last.rfind("a OK ", 0) == 0 || last.rfind("a NO ", 0) == 0 || last.rfind("a BAD ", 0) == 0 ||
                    last.rfind("* BAD ", 0) == 0 || last.rfind("+ ", 0) == 0 || last.rfind("+", 0) == 0)
            << line << " -> " << last;
    }
    EXPECT_TRUE(server.session.closed());
}

TEST(ImapRobustness, pseudoRandomBytesNeverBreakEitherEngine) {
    std::uint64_t state = 0x5eed;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>(state >> 33);
    };
    const std::string alphabet = "aA1 *:()[]<>{}+\\\"\r\n%.,FETCHSEARCHBODY";
    for (int round = 0; round < 200; ++round) {
        std::string noise;
        const unsigned length = next() % 400;
        for (unsigned i = 0; i < length; ++i) noise.push_back(alphabet[next() % alphabet.size()]);

        mail::MailStore store;
        store.deliver("bob", message("one"), 0);
        ServerSession server{configFor(store)};
        server.start(0ns);
        server.receive("a1 LOGIN bob hungry\r\na2 SELECT INBOX\r\n", 0ns);
        EXPECT_NO_THROW(server.receive(noise, 0ns));
        EXPECT_NO_THROW(server.receive("\r\nz NOOP\r\n", 0ns));

        ClientSession client{ClientConfig{"bob", "hungry", {action::Select{"INBOX"}, action::FetchHeaders{}}}};
        EXPECT_NO_THROW(client.receive("* OK hi\r\n", 0ns));
        EXPECT_NO_THROW(client.receive(noise, 0ns));
        EXPECT_NO_THROW(client.receiveEof(0ns));
    }
}
