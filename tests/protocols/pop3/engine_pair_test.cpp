// Client and server engines pumped against each other in memory.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/protocols/pop3/memory_maildrop.hpp"

using namespace netstage::pop3;
using namespace netstage::pop3::testing;
using namespace std::chrono_literals;

namespace {

struct Pair {
    std::vector<std::string> serverEvents;
    std::vector<std::string> clientEvents;
    std::vector<client::MessageDownloaded> downloads;
};

Pair pump(ServerSession& server, ClientSession& client) {
    Pair out;
    server.start(0ns);
    client.start(0ns);
    for (int round = 0; round < 1000; ++round) {
        const std::string toClient = server.takeOutput();
        if (!toClient.empty()) client.receive(toClient, 1ms);
        const std::string toServer = client.takeOutput();
        if (!toServer.empty()) server.receive(toServer, 1ms);
        if (toClient.empty() && toServer.empty()) break;
    }
    out.serverEvents = drainEvents(server);
    for (auto e = client.nextEvent(); !isNeedData(e); e = client.nextEvent()) {
        if (auto* d = std::get_if<client::MessageDownloaded>(&e)) out.downloads.push_back(*d);
        out.clientEvents.push_back(describe(e));
    }
    return out;
}

// True if `expected` appears in `transcript` in order (other lines may come between).
bool appearsInOrder(const std::vector<std::string>& transcript, const std::vector<std::string>& expected) {
    auto at = transcript.begin();
    for (const auto& line : expected) {
        at = std::find(at, transcript.end(), line);
        if (at == transcript.end()) return false;
        ++at;
    }
    return true;
}

}  // namespace

TEST(Pop3EnginePair, runsTheLecturesDownloadAndDeleteDialogue) {
    MemoryProvider provider;
    const std::string first = messageOfSize(498, "first");
    const std::string second = messageOfSize(912, "second");
    auto& drop = provider.add("bob", "hungry", {first, second});
    ServerSession server{provider};
    ClientSession client{ClientConfig{"bob", "hungry"}};
    const Pair run = pump(server, client);

    const std::vector<std::string> lecture{
        "S: +OK POP3 server ready", "C: user bob", "S: +OK", "C: pass hungry", "S: +OK user successfully logged on",
        "C: list", "S: 1 498", "S: 2 912", "S: .", "C: retr 1", "S: .", "C: dele 1", "C: retr 2", "S: .",
        "C: dele 2", "C: quit", "S: +OK POP3 server signing off"};
    EXPECT_TRUE(appearsInOrder(run.serverEvents, lecture)) << ::testing::PrintToString(run.serverEvents);

    // The commands are exactly the lecture's, in its order.
    std::vector<std::string> commands;
    for (const auto& e : run.clientEvents) {
        if (e.rfind("C: ", 0) == 0) commands.push_back(e);
    }
    EXPECT_EQ(commands, (std::vector<std::string>{"C: user bob", "C: pass hungry", "C: list", "C: retr 1", "C: dele 1",
                                                  "C: retr 2", "C: dele 2", "C: quit"}));
    ASSERT_EQ(run.downloads.size(), 2u);
    EXPECT_EQ(run.downloads[0].content, first);
    EXPECT_EQ(run.downloads[1].content, second);
    EXPECT_EQ(run.clientEvents.back(), "done 2");
    EXPECT_TRUE(client.closed());
    EXPECT_TRUE(server.closed());
    EXPECT_TRUE(std::find(run.clientEvents.begin(), run.clientEvents.end(), "done 2") != run.clientEvents.end());
    EXPECT_EQ(client.state(), ClientState::Done);
    EXPECT_EQ(server.state(), ServerState::Closed);
    EXPECT_TRUE(drop.messages.empty());
    EXPECT_FALSE(drop.locked);
}

TEST(Pop3EnginePair, downloadAndKeepLeavesTheMaildropAlone) {
    MemoryProvider provider;
    auto& drop = provider.add("bob", "hungry", {messageOfSize(498, "a"), messageOfSize(912, "b")});
    ServerSession server{provider};
    ClientConfig config{"bob", "hungry"};
    config.mode = DownloadMode::DownloadAndKeep;
    config.style = CommandStyle::UpperCase;
    ClientSession client{config};
    const Pair run = pump(server, client);
    EXPECT_TRUE(appearsInOrder(run.serverEvents, {"C: USER bob", "C: PASS hungry", "C: LIST", "C: RETR 1", "C: RETR 2",
                                                  "C: QUIT", "committed"}));
    EXPECT_EQ(std::count_if(run.serverEvents.begin(), run.serverEvents.end(),
                            [](const auto& e) { return e.rfind("C: DELE", 0) == 0; }),
              0);
    EXPECT_EQ(run.downloads.size(), 2u);
    EXPECT_EQ(drop.messages.size(), 2u);
}

TEST(Pop3EnginePair, unstuffsABodyLineThatStartsWithADot) {
    MemoryProvider provider;
    const std::string message = "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\r\nend\r\n";
    provider.add("bob", "hungry", {message});
    ServerSession server{provider};
    ClientSession client{ClientConfig{"bob", "hungry"}};
    const Pair run = pump(server, client);
    EXPECT_TRUE(appearsInOrder(run.serverEvents, {"S: ..leading dot", "S: ...two dots", "S: ..", "S: end", "S: ."}));
    ASSERT_EQ(run.downloads.size(), 1u);
    EXPECT_EQ(run.downloads[0].content, message);
}

TEST(Pop3EnginePair, anEmptyMaildropGoesStraightToQuit) {
    MemoryProvider provider;
    provider.add("bob", "hungry", {});
    ServerSession server{provider};
    ClientSession client{ClientConfig{"bob", "hungry"}};
    const Pair run = pump(server, client);
    EXPECT_TRUE(appearsInOrder(run.clientEvents, {"C: list", "S: +OK 0 messages (0 octets)", "S: .", "C: quit", "done 0"}));
}

TEST(Pop3EnginePair, aWrongPasswordEndsInLoginFailed) {
    MemoryProvider provider;
    auto& drop = provider.add("bob", "hungry", {"x\r\n"});
    ServerSession server{provider};
    ClientSession client{ClientConfig{"bob", "thirsty"}};
    const Pair run = pump(server, client);
    EXPECT_TRUE(appearsInOrder(run.clientEvents, {"C: pass thirsty", "login failed: -ERR [AUTH] invalid user name or password",
                                                  "C: quit", "failed: login failed"}));
    EXPECT_EQ(client.state(), ClientState::Failed);
    EXPECT_TRUE(client.closed());
    EXPECT_EQ(drop.messages.size(), 1u);
}
