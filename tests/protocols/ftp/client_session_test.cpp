#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "protocols/common/engine.hpp"
#include "protocols/ftp/client_session.hpp"

using namespace netstage::ftp;

static_assert(netstage::proto::Engine<ClientSession>, "the FTP client speaks the one engine API");

namespace {

// Drives a ClientSession by hand, as a scripted server would.
struct ClientDriver {
    ClientSession client;
    std::vector<ClientEvent> events;

    explicit ClientDriver(ClientConfig config) : client{std::move(config)} {}

    // Feeds a reply; returns the command lines the client sent in response.
    std::string reply(std::string_view bytes) {
        client.receive(bytes, std::chrono::nanoseconds{0});
        return drain();
    }
    std::string drain() {
        std::string sent;
        for (ClientEvent e = client.nextEvent(); !std::holds_alternative<NeedData>(e); e = client.nextEvent()) {
            if (std::holds_alternative<CommandSent>(e)) sent += client.takeOutput();
            events.push_back(std::move(e));
        }
        return sent;
    }
    template <typename T>
    std::vector<T> eventsOf() const {
        std::vector<T> out;
        for (const auto& event : events) {
            if (auto* e = std::get_if<T>(&event)) out.push_back(*e);
        }
        return out;
    }
    void login() {
        ASSERT_EQ(reply("220 hi\r\n"), "USER alice\r\n");
        ASSERT_EQ(reply("331 pass?\r\n"), "PASS pw\r\n");
        ASSERT_EQ(reply("230 ok\r\n"), "TYPE I\r\n");
    }
};

ClientConfig config(bool passive, bool extended, std::vector<ClientStep> steps) {
    ClientConfig c;
    c.user = "alice";
    c.password = "pw";
    c.passive = passive;
    c.extended = extended;
    c.activeAddress = {192, 168, 0, 7};
    c.activePort = 45000;
    c.script = std::move(steps);
    return c;
}

}  // namespace

TEST(FtpClient, fallsBackFromEpsvToPasvAndConnectsToThe227Address) {
    ClientDriver d{config(true, true, {ClientStep::login(), ClientStep::ls()})};
    d.login();
    EXPECT_EQ(d.reply("200 binary\r\n"), "EPSV\r\n");
    EXPECT_EQ(d.reply("500 EPSV not understood\r\n"), "PASV\r\n");
    EXPECT_EQ(d.reply("227 Entering Passive Mode (10,0,0,1,4,1).\r\n"), "");
    const auto connects = d.eventsOf<ConnectRequested>();
    ASSERT_EQ(connects.size(), 1u);
    EXPECT_EQ(connects[0].address, "10.0.0.1");
    EXPECT_EQ(connects[0].port, 1025);
    d.client.dataConnectionOpened();
    EXPECT_EQ(d.drain(), "LIST\r\n");
}

TEST(FtpClient, usesTheControlPeerAfter229) {
    ClientDriver d{config(true, true, {ClientStep::login(), ClientStep::get("f")})};
    d.login();
    d.reply("200 binary\r\n");
    d.reply("229 Entering Extended Passive Mode (|||50123|)\r\n");
    const auto connects = d.eventsOf<ConnectRequested>();
    ASSERT_EQ(connects.size(), 1u);
    EXPECT_EQ(connects[0].address, "");
    EXPECT_EQ(connects[0].port, 50123);
}

TEST(FtpClient, listensBeforeSendingEprtAndFallsBackToPort) {
    ClientDriver d{config(false, true, {ClientStep::login(), ClientStep::get("f")})};
    d.login();
    EXPECT_EQ(d.reply("200 binary\r\n"), "");  // nothing is sent before the listener is open
    const auto listens = d.eventsOf<ListenRequested>();
    ASSERT_EQ(listens.size(), 1u);
    EXPECT_EQ(listens[0].port, 45000);
    d.client.dataListening(45000);
    EXPECT_EQ(d.drain(), "EPRT |1|192.168.0.7|45000|\r\n");
    EXPECT_EQ(d.reply("502 no EPRT\r\n"), "PORT 192,168,0,7,175,200\r\n");
    EXPECT_EQ(d.reply("200 ok\r\n"), "RETR f\r\n");
    EXPECT_EQ(d.reply("150 opening\r\n"), "");
    d.client.dataConnectionOpened();
    d.client.dataReceived("con");
    d.client.dataReceived("tents");
    d.client.dataEof();
    d.drain();
    EXPECT_EQ(d.eventsOf<StepFinished>().size(), 1u);  // only login so far: 226 not yet seen
    EXPECT_EQ(d.reply("226 done\r\n"), "QUIT\r\n");
    const auto steps = d.eventsOf<StepFinished>();
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_TRUE(steps[1].ok);
    EXPECT_EQ(steps[1].data.text(), "contents");
    d.reply("221 bye\r\n");
    EXPECT_TRUE(d.client.closed());
}

TEST(FtpClient, aFailedPassiveConnectFailsTheStepAndGoesOn) {
    ClientDriver d{config(true, false, {ClientStep::login(), ClientStep::get("f"), ClientStep::cd("x")})};
    d.login();
    d.reply("200 binary\r\n");
    d.reply("227 =10,0,0,1,4,1\r\n");
    d.client.dataConnectionFailed();
    EXPECT_EQ(d.drain(), "CWD x\r\n");
    const auto steps = d.eventsOf<StepFinished>();
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_FALSE(steps[1].ok);
    EXPECT_EQ(steps[1].code, 0);
}

TEST(FtpClient, aCommandsBytesAreOutputOnceItsEventIsTaken) {
    ClientDriver d{config(true, false, {ClientStep::login()})};
    d.client.start(std::chrono::nanoseconds{0});
    EXPECT_FALSE(d.client.nextTimeout().has_value());
    d.client.receive("220 hi\r\n", std::chrono::nanoseconds{0});
    EXPECT_EQ(d.client.takeOutput(), "") << "no event taken yet";
    std::string output;
    for (ClientEvent e = d.client.nextEvent(); !std::holds_alternative<NeedData>(e); e = d.client.nextEvent()) {
        const std::string released = d.client.takeOutput();
        EXPECT_EQ(released, std::holds_alternative<CommandSent>(e) ? "USER alice\r\n" : "");
        output += released;
    }
    EXPECT_EQ(output, "USER alice\r\n");
    EXPECT_FALSE(d.client.closed());
}

TEST(FtpClient, movesAlongItsStateTable) {
    ClientDriver d{config(false, true, {ClientStep::login(), ClientStep::ls()})};
    EXPECT_EQ(d.client.state(), ClientState::AwaitingGreeting);
    ASSERT_EQ(d.reply("220 hi\r\n"), "USER alice\r\n");
    EXPECT_EQ(d.client.state(), ClientState::AwaitingUserReply);
    ASSERT_EQ(d.reply("331 pass?\r\n"), "PASS pw\r\n");
    EXPECT_EQ(d.client.state(), ClientState::AwaitingPassReply);
    ASSERT_EQ(d.reply("230 ok\r\n"), "TYPE I\r\n");
    EXPECT_EQ(d.client.state(), ClientState::AwaitingTypeReply);
    EXPECT_EQ(d.reply("200 binary\r\n"), "");
    EXPECT_EQ(d.client.state(), ClientState::AwaitingListener) << "login over, ls in active mode listens first";
    d.client.dataListening(45000);
    EXPECT_EQ(d.drain(), "EPRT |1|192.168.0.7|45000|\r\n");
    EXPECT_EQ(d.client.state(), ClientState::AwaitingPortReply);
    EXPECT_EQ(d.reply("500 no EPRT\r\n"), "PORT 192,168,0,7,175,200\r\n");
    EXPECT_EQ(d.client.state(), ClientState::AwaitingPortReply);
    EXPECT_EQ(d.reply("200 ok\r\n"), "LIST\r\n");
    EXPECT_EQ(d.client.state(), ClientState::AwaitingPreliminary);
    d.reply("150 here it comes\r\n");
    EXPECT_EQ(d.client.state(), ClientState::Transferring);
    d.client.dataConnectionOpened();
    d.client.dataReceived("a\r\n");
    d.client.dataEof();
    EXPECT_EQ(d.reply("226 done\r\n"), "QUIT\r\n");
    EXPECT_EQ(d.client.state(), ClientState::AwaitingQuitReply);
    d.reply("221 bye\r\n");
    EXPECT_EQ(d.client.state(), ClientState::Done);
    EXPECT_TRUE(d.client.closed());
}

TEST(FtpClient, a421EndsTheScript) {
    ClientDriver d{config(true, false, {ClientStep::login(), ClientStep::ls()})};
    d.reply("220 hi\r\n");
    d.reply("421 Service not available\r\n");
    EXPECT_TRUE(d.client.closed());
    EXPECT_EQ(d.eventsOf<CloseRequested>().size(), 1u);
    EXPECT_EQ(d.eventsOf<ScriptFinished>().size(), 1u);
}

TEST(FtpClient, anUnreadablePassiveReplyIsAProtocolError) {
    ClientDriver d{config(true, false, {ClientStep::login(), ClientStep::ls()})};
    d.login();
    d.reply("200 binary\r\n");
    EXPECT_EQ(d.reply("227 no numbers here\r\n"), "QUIT\r\n");
    EXPECT_EQ(d.eventsOf<ProtocolError>().size(), 1u);
    const auto steps = d.eventsOf<StepFinished>();
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_FALSE(steps[1].ok);
}

TEST(FtpClient, aScriptedNameWithALineBreakIsRefusedAtConstruction) {
    EXPECT_THROW(ClientSession{config(true, false, {ClientStep::login(), ClientStep::get("x\r\nDELE /reports/readme.txt")})},
                 std::invalid_argument);
    ClientConfig c = config(true, false, {ClientStep::login()});
    c.user = "alice\r\nDELE x";
    EXPECT_THROW(ClientSession{c}, std::invalid_argument);
}
