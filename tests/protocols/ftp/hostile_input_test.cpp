#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "tests/protocols/ftp/ftp_harness.hpp"

using netstage::ftp::ClientConfig;
using netstage::ftp::ClientSession;
using netstage::ftp::ClientStep;
using netstage::ftp::CommandReceived;
using netstage::ftp::NeedData;
using netstage::ftp::ServerState;
using netstage::ftp::testing::ServerHarness;

namespace {

// A fixed linear congruential generator: the same garbage on every run.
class Garbage {
public:
    explicit Garbage(std::uint32_t seed) : state_{seed} {}
    std::uint32_t next() {
        state_ = state_ * 1664525u + 1013904223u;
        return state_ >> 8;
    }
    std::string bytes(std::size_t n) {
        std::string out;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t r = next();
            // Mostly arbitrary octets, with enough line ends to make many lines.
            out += r % 16 == 0 ? '\n' : r % 16 == 1 ? '\r' : static_cast<char>(r % 256);
        }
        return out;
    }

private:
    std::uint32_t state_;
};

}  // namespace

TEST(FtpHostileInput, aServerFedGarbageAnswersEveryLineAndStaysUsable) {
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        ServerHarness h;
        h.login();
        h.take();
        Garbage garbage{seed};
        const std::string noise = garbage.bytes(4000);
        std::size_t at = 0;
        while (at < noise.size()) {
            const std::size_t chunk = 1 + garbage.next() % 64;
            EXPECT_NO_THROW(h.send(std::string_view{noise}.substr(at, chunk)));
            at += chunk;
        }
        EXPECT_NE(h.server->state(), ServerState::Closed) << seed;
        h.send("\r\n");  // ends whatever line the noise left open
        EXPECT_EQ(h.command("NOOP"), "200 NOOP ok\r\n") << seed;
    }
}

TEST(FtpHostileInput, aClientFedGarbageRepliesNeverThrows) {
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        ClientConfig config;
        config.user = "alice";
        config.script = {ClientStep::login(), ClientStep::ls()};
        ClientSession client{config};
        Garbage garbage{seed};
        const std::string noise = "220 hi\r\n" + garbage.bytes(4000);
        EXPECT_NO_THROW({
            client.receive(noise, std::chrono::nanoseconds{0});
            client.receiveEof(std::chrono::nanoseconds{0});
            while (!std::holds_alternative<NeedData>(client.nextEvent())) {
            }
        });
        EXPECT_TRUE(client.closed());
    }
}

TEST(FtpHostileInput, commandEventsAreTheSameWhateverTheSplit) {
    const std::string script = "USER alice\r\nPASS secret\r\nCWD /\r\nBAD\x01LINE\r\nSIZE x\nNOOP\r\n";
    auto commands = [](ServerHarness& h) {
        std::string out;
        for (const auto& c : h.eventsOf<CommandReceived>()) out += c.verb + "|" + c.argument + "|" + c.rawLine + "\n";
        return out;
    };
    ServerHarness whole;
    whole.send(script);
    const std::string expected = commands(whole);
    ASSERT_NE(expected.find("NOOP||NOOP"), std::string::npos);
    for (std::size_t split = 0; split <= script.size(); ++split) {
        ServerHarness h;
        h.send(std::string_view{script}.substr(0, split));
        h.send(std::string_view{script}.substr(split));
        EXPECT_EQ(commands(h), expected) << split;
    }
    ServerHarness bytewise;
    for (char c : script) bytewise.send(std::string_view{&c, 1});
    EXPECT_EQ(commands(bytewise), expected);
}
