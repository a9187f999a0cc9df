#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "tests/protocols/pop3/memory_maildrop.hpp"

using namespace netstage::pop3;
using namespace netstage::pop3::testing;
using namespace std::chrono_literals;

static_assert(netstage::proto::Engine<ClientSession>, "the POP3 client meets the one engine API");

namespace {

ClientSession started(ClientConfig config = ClientConfig{"bob", "hungry"}) {
    ClientSession client{std::move(config)};
    client.start(0ns);
    return client;
}

std::vector<std::string> commandsOf(const std::vector<std::string>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) {
        if (e.rfind("C: ", 0) == 0) out.push_back(e.substr(3));
    }
    return out;
}

// A whole server side of the lecture's session with one message whose
// second body line is stuffed.
const std::string serverScript =
    "+OK POP3 server ready\r\n+OK\r\n+OK user successfully logged on\r\n+OK 1 messages (29 octets)\r\n1 29\r\n.\r\n"
    "+OK 29 octets\r\nSubject: s\r\n\r\n..dot\r\nbody\r\n.\r\n+OK message 1 deleted\r\n+OK POP3 server signing off\r\n";

}  // namespace

TEST(Pop3Client, sendsTheLecturesCommandsAndUnstuffsTheMessage) {
    ClientSession client = started();
    client.receive(serverScript, 1ms);
    const auto events = drainEvents(client);
    EXPECT_EQ(commandsOf(events), (std::vector<std::string>{"user bob", "pass hungry", "list", "retr 1", "dele 1", "quit"}));
    EXPECT_EQ(client.takeOutput(), "user bob\r\npass hungry\r\nlist\r\nretr 1\r\ndele 1\r\nquit\r\n");
    EXPECT_EQ(client.state(), ClientState::Done);
    EXPECT_EQ(events.back(), "done 1");
    EXPECT_TRUE(client.closed());
}

TEST(Pop3Client, givesTheSameEventsForEverySplitOfTheServerReplies) {
    const auto run = [](const std::vector<std::size_t>& cuts) {
        ClientSession client = started();
        std::size_t from = 0;
        for (std::size_t cut : cuts) {
            client.receive(serverScript.substr(from, cut - from), 1ms);
            from = cut;
        }
        client.receive(serverScript.substr(from), 1ms);
        std::vector<std::string> out;
        for (auto e = client.nextEvent(); !isNeedData(e); e = client.nextEvent()) {
            if (auto* d = std::get_if<client::MessageDownloaded>(&e)) out.push_back("content " + d->content);
            out.push_back(describe(e));
        }
        out.push_back(client.takeOutput());
        return out;
    };
    const auto whole = run({});
    ASSERT_NE(std::find(whole.begin(), whole.end(), "content Subject: s\r\n\r\n.dot\r\nbody\r\n"), whole.end());
    std::vector<std::size_t> everyByte;
    for (std::size_t i = 1; i < serverScript.size(); ++i) everyByte.push_back(i);
    EXPECT_EQ(run(everyByte), whole);
    for (std::size_t i = 1; i < serverScript.size(); ++i) EXPECT_EQ(run({i}), whole) << "split at " << i;
}

TEST(Pop3Client, skipsAMessageTheServerRefusesToRetrieve) {
    ClientSession client = started();
    client.receive("+OK hi\r\n+OK\r\n+OK in\r\n+OK\r\n1 10\r\n2 20\r\n.\r\n-ERR no such message\r\n", 1ms);
    const auto events = drainEvents(client);
    EXPECT_NE(std::find(events.begin(), events.end(), "rejected RETR 1"), events.end());
    EXPECT_EQ(commandsOf(events).back(), "retr 2");
}

TEST(Pop3Client, failsOnAnErrGreeting) {
    ClientSession client = started();
    client.receive("-ERR go away\r\n", 1ms);
    const auto events = drainEvents(client);
    EXPECT_EQ(events.back(), "failed: server refused the connection: -ERR go away");
    EXPECT_EQ(client.state(), ClientState::Failed);
    EXPECT_TRUE(client.closed());
    EXPECT_TRUE(commandsOf(events).empty());
}

TEST(Pop3Client, failsWhenTheConnectionDropsMidMessage) {
    ClientSession client = started();
    client.receive("+OK\r\n+OK\r\n+OK\r\n+OK\r\n1 10\r\n.\r\n+OK\r\npartial line\r\n", 1ms);
    EXPECT_FALSE(client.closed());
    client.receiveEof(2ms);
    const auto events = drainEvents(client);
    EXPECT_EQ(events.back(), "failed: connection closed by the server in state READING-MESSAGE");
    EXPECT_TRUE(client.closed());
    EXPECT_EQ(client.state(), ClientState::Failed);
    client.receive("more\r\n", 2ms);  // ignored once finished
    EXPECT_TRUE(drainEvents(client).empty());
}

TEST(Pop3Client, failsWhenTheServerStaysSilent) {
    ClientConfig config{"bob", "hungry"};
    config.replyTimeout = 30s;
    ClientSession client = started(config);
    client.receive("+OK\r\n", 10s);
    EXPECT_EQ(client.nextTimeout(), 40s);
    client.handleTimeout(39s);
    EXPECT_EQ(client.state(), ClientState::AwaitUser);
    client.handleTimeout(40s);
    EXPECT_EQ(client.state(), ClientState::Failed);
    EXPECT_FALSE(client.nextTimeout());
}

TEST(Pop3Client, reportsGarbageRepliesWithoutThrowing) {
    for (const std::string& garbage : std::vector<std::string>{"HTTP/1.1 200 OK\r\n", "\r\n", std::string("\0\xff\r\n", 4), "OK\r\n"}) {
        ClientSession client = started();
        EXPECT_NO_THROW(client.receive(garbage, 1ms));
        const auto events = drainEvents(client);
        EXPECT_NE(std::find(events.begin(), events.end(), "error: reply is neither +OK nor -ERR"), events.end());
        EXPECT_EQ(client.state(), ClientState::Failed);
    }
}

TEST(Pop3Client, skipsBadScanListingLines) {
    ClientSession client = started();
    client.receive("+OK\r\n+OK\r\n+OK\r\n+OK\r\nfoo bar\r\n0 5\r\n3 7\r\n.\r\n", 1ms);
    const auto events = drainEvents(client);
    EXPECT_EQ(std::count(events.begin(), events.end(), "error: bad scan listing line"), 2);
    EXPECT_EQ(commandsOf(events).back(), "retr 3");
}

TEST(Pop3Client, refusesAConfigWithoutCredentials) {
    EXPECT_THROW(ClientSession(ClientConfig{"", "x"}), std::invalid_argument);
    EXPECT_THROW(ClientSession(ClientConfig{"bob", "a\r\nDELE 1"}), std::invalid_argument);
}
