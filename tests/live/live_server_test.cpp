// Real sockets into the live world: a client typing the lecture's dialogue
// gets the lecture's replies, every byte from outside is in the trace, and a
// recorded session replays to the same fingerprint.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/live/serving_world.hpp"
#include "tests/support/lecture.hpp"
#include "tests/support/source_files.hpp"

using namespace netstage;
using namespace std::chrono_literals;
using test_support::LineClient;
using test_support::ServingWorld;

namespace {

std::size_t countEvents(const trace::Recorder& recorder, std::string_view layer, std::string_view type,
                        std::string_view node = {}) {
    std::size_t count = 0;
    for (const auto& record : recorder.records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event != nullptr && event->layer == layer && event->type == type && (node.empty() || event->node == node)) ++count;
    }
    return count;
}

// Lines of the dialogues whose client is `client`, as "C: ..." and "S: ...".
std::vector<std::string> dialogueOf(const trace::Recorder& recorder, const std::string& client, std::string_view layer) {
    std::vector<std::string> connections;
    std::vector<std::string> lines;
    for (const auto& record : recorder.records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event == nullptr || event->layer != layer) continue;
        if (event->type == "open" && event->text("client") == client) connections.push_back(event->text("connection"));
        if (event->type == "line" &&
            std::find(connections.begin(), connections.end(), event->text("connection")) != connections.end()) {
            lines.push_back(event->text("from") + ": " + event->text("text"));
        }
    }
    return lines;
}

// Types the lecture's SMTP dialogue at `client`, checking each reply as it comes.
void typeTheLectureDialogue(LineClient& client) {
    for (const std::string& line : test_support::lectureSmtpDialogue()) {
        if (line.starts_with("C: ")) {
            client.send(line.substr(3) + "\r\n");
        } else {
            const std::vector<std::string> reply = client.smtpReply();
            ASSERT_EQ(reply.size(), 1u) << line;
            EXPECT_EQ("S: " + reply.front(), line);
        }
    }
}

}  // namespace

TEST(LiveSmtp, theLecturesDialogueTypedLineByLineGetsTheLecturesReplies) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    LineClient client{world.port("hamburger.edu", 25)};
    ASSERT_TRUE(client.connected());
    typeTheLectureDialogue(client);
    EXPECT_EQ(client.rest(), "") << "the server closes after QUIT";
    world.stop();

    // The world saw it as the lecture prints it, from the visitor's host, across the routers.
    const std::vector<std::string> seen = dialogueOf(world.recorder(), "you", "smtp");
    EXPECT_EQ(seen, test_support::lectureSmtpDialogue());
    EXPECT_EQ(countEvents(world.recorder(), "bridge", "open", "you"), 1u);
    // Every byte typed is in the trace as an input, in order.
    std::string typed;
    for (const std::string& line : test_support::lectureSmtpDialogue()) {
        if (line.starts_with("C: ")) typed += line.substr(3) + "\r\n";
    }
    std::string inputs;
    for (const auto& record : world.recorder().records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event != nullptr && event->is("bridge", "input")) inputs += event->text("text");
    }
    EXPECT_EQ(inputs, typed);
    // Bob's mailbox got the student's message as well as Alice's scripted one.
    EXPECT_EQ(countEvents(world.recorder(), "mail", "stored", "hamburger.edu"), 2u);
}

TEST(LivePop3, aSessionByHandListsAndReadsBobsMail) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    LineClient client{world.port("hamburger.edu", 110)};
    const auto greeting = client.line();
    ASSERT_TRUE(greeting.has_value());
    EXPECT_TRUE(greeting->starts_with("+OK")) << *greeting;
    client.send("USER bob\r\n");
    EXPECT_TRUE(client.line().value_or("").starts_with("+OK"));
    client.send("PASS hungry\r\n");
    EXPECT_TRUE(client.line().value_or("").starts_with("+OK"));
    client.send("STAT\r\n");
    const std::string stat = client.line().value_or("");
    EXPECT_TRUE(stat.starts_with("+OK ")) << stat;
    client.send("QUIT\r\n");
    EXPECT_TRUE(client.line().value_or("").starts_with("+OK"));
    EXPECT_EQ(client.rest(), "");
    world.stop();
    const std::vector<std::string> seen = dialogueOf(world.recorder(), "you", "pop3");
    ASSERT_EQ(seen.size(), 9u);
    EXPECT_EQ(seen[1], "C: USER bob");
    EXPECT_EQ(seen[5], "C: STAT");
    EXPECT_EQ(seen[6], "S: " + stat);
}

TEST(LiveRecording, aLiveSessionReplaysToTheSameFingerprintAndRecords) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    {
        LineClient smtp{world.port("hamburger.edu", 25)};
        typeTheLectureDialogue(smtp);
        LineClient pop{world.port("hamburger.edu", 110)};
        (void)pop.line();
        pop.send("USER bob\r\nPASS hungry\r\nLIST\r\n");
        (void)pop.line();
        (void)pop.line();
        pop.close();  // gone without QUIT
    }
    std::this_thread::sleep_for(50ms);
    world.stop();
    ASSERT_FALSE(world.recording().empty());

    const std::string text = world.recording().recordedScenario(test_support::readSourceFile("scenarios/01-smtp-alice-to-bob.yaml"));
    const scenario::ScenarioSpec replay = scenario::loadScenarioText(text, "recorded.yaml");
    ASSERT_TRUE(replay.bridge.has_value());
    EXPECT_TRUE(replay.bridge->visitor);
    ASSERT_TRUE(replay.bridge->end.has_value());
    scenario::RunOptions options;
    options.keepLog = true;
    const scenario::ScenarioRun run = scenario::runScenario(replay, options);
    EXPECT_EQ(run.summary.fingerprint, world.fingerprint());
    EXPECT_EQ(run.summary.end, *replay.bridge->end);
    // Record for record, but for the header's file name.
    ASSERT_EQ(run.log.records.size(), world.recorder().records().size());
    EXPECT_TRUE(run.log.records == world.recorder().records());
}

TEST(LiveHostileInput, aMegabyteLineIsRefusedAndTheSessionGoesOn) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    LineClient client{world.port("hamburger.edu", 25)};
    ASSERT_EQ(client.smtpReply().size(), 1u);
    client.send(std::string(1 << 20, 'A') + "\r\n");
    const std::vector<std::string> refused = client.smtpReply(30s);
    ASSERT_FALSE(refused.empty());
    EXPECT_TRUE(refused.front().starts_with("500")) << refused.front();
    client.send("HELO crepes.fr\r\n");
    const std::vector<std::string> hello = client.smtpReply();
    ASSERT_FALSE(hello.empty());
    EXPECT_TRUE(hello.front().starts_with("250")) << hello.front();
}

TEST(LiveHostileInput, garbageAndNulBytesGetAnErrorReplyNotACrash) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    LineClient client{world.port("hamburger.edu", 25)};
    ASSERT_EQ(client.smtpReply().size(), 1u);
    client.send(std::string{"\0\xff\xfe\x01garbage\0\r\n", 14});
    const std::vector<std::string> reply = client.smtpReply();
    ASSERT_FALSE(reply.empty());
    EXPECT_EQ(reply.front()[0], '5') << reply.front();
    client.send("QUIT\r\n");
    const std::vector<std::string> bye = client.smtpReply();
    ASSERT_FALSE(bye.empty());
    EXPECT_TRUE(bye.front().starts_with("221")) << bye.front();
    world.stop();
    // The bytes are in the trace exactly, as base64.
    bool found = false;
    for (const auto& record : world.recorder().records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event != nullptr && event->is("bridge", "input") && event->text("base64") == "AP/+AWdhcmJhZ2UADQo=") found = true;
    }
    EXPECT_TRUE(found);
}

TEST(LiveHostileInput, aDisconnectInDataLosesOnlyTheUnfinishedMessage) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    {
        // Accepted with 250, then gone without QUIT: the message stays.
        LineClient done{world.port("hamburger.edu", 25)};
        (void)done.smtpReply();
        done.send("HELO crepes.fr\r\nMAIL FROM:<alice@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\nDATA\r\n");
        for (int i = 0; i < 4; ++i) (void)done.smtpReply();
        done.send("Subject: kept\r\n\r\nkept\r\n.\r\n");
        const std::vector<std::string> accepted = done.smtpReply();
        ASSERT_FALSE(accepted.empty());
        EXPECT_TRUE(accepted.front().starts_with("250")) << accepted.front();
    }
    {
        // Gone in the middle of DATA: nothing was accepted, nothing is stored.
        LineClient cut{world.port("hamburger.edu", 25)};
        (void)cut.smtpReply();
        cut.send("HELO crepes.fr\r\nMAIL FROM:<alice@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\nDATA\r\n");
        for (int i = 0; i < 4; ++i) (void)cut.smtpReply();
        cut.send("Subject: cut\r\n\r\nhalf a mess");
    }
    // Another student's session is unharmed meanwhile.
    LineClient other{world.port("hamburger.edu", 25)};
    typeTheLectureDialogue(other);
    std::this_thread::sleep_for(100ms);
    world.stop();
    std::vector<std::string> stored;
    for (const auto& record : world.recorder().records()) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event != nullptr && event->is("mail", "stored")) stored.push_back(event->text("subject"));
    }
    std::sort(stored.begin(), stored.end());
    EXPECT_EQ(stored, (std::vector<std::string>{"", "", "kept"})) << "Alice's, the lecture's and the one accepted";
}

TEST(LiveLoad, fiveHundredClientsAtOnceAreAllServedAndNoDescriptorIsLeft) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    std::this_thread::sleep_for(20ms);
    const std::size_t before = test_support::openDescriptors();
    std::vector<std::unique_ptr<LineClient>> clients;
    for (int i = 0; i < 500; ++i) clients.push_back(std::make_unique<LineClient>(world.port("hamburger.edu", 25)));
    int greeted = 0;
    for (auto& client : clients) greeted += client->smtpReply(30s) == std::vector<std::string>{"220 hamburger.edu"};
    EXPECT_EQ(greeted, 500);
    for (auto& client : clients) client->send("NOOP\r\nQUIT\r\n");
    int closed = 0;
    for (auto& client : clients) {
        const std::vector<std::string> noop = client->smtpReply(30s);
        const std::vector<std::string> bye = client->smtpReply(30s);
        closed += !noop.empty() && noop.front().starts_with("250") && !bye.empty() && bye.front().starts_with("221");
    }
    EXPECT_EQ(closed, 500);
    clients.clear();
    for (int i = 0; i < 500 && world.clientCount() > 0; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(world.clientCount(), 0u);
    EXPECT_EQ(test_support::openDescriptors(), before);
}

TEST(LiveLoad, aSilentClientDoesNotHoldUpTheOthers) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    LineClient silent{world.port("hamburger.edu", 25)};
    LineClient slow{world.port("hamburger.edu", 110)};
    (void)slow.line();
    slow.send("US");  // and then nothing more
    LineClient busy{world.port("hamburger.edu", 25)};
    typeTheLectureDialogue(busy);
}

TEST(LiveFtp, pathEscapesStayInsideTheSimulatedFileSystem) {
    ServingWorld world{"05-ftp-session"};
    LineClient ftp{world.port("ftp.school.edu", 21)};
    const auto reply = [&ftp] { return ftp.line().value_or("(nothing)"); };
    EXPECT_TRUE(reply().starts_with("220"));
    ftp.send("USER alice\r\n");
    EXPECT_TRUE(reply().starts_with("331"));
    ftp.send("PASS wonderland\r\n");
    EXPECT_TRUE(reply().starts_with("230"));
    ftp.send("CWD ../../../..\r\n");
    (void)reply();
    ftp.send("PWD\r\n");
    EXPECT_EQ(reply(), "257 \"/\" is the current directory");
    for (const std::string path : {"../../etc/passwd", "/etc/passwd", "reports/../../../etc/shadow"}) {
        ftp.send("RETR " + path + "\r\n");
        EXPECT_TRUE(reply().starts_with("550")) << path;
    }
    constexpr char kNulInName[] = "RETR reports/report.pdf\0/etc/passwd\r\n";
    ftp.send(std::string{kNulInName, sizeof kNulInName - 1});
    const std::string nul = reply();
    EXPECT_TRUE(nul.starts_with("5")) << nul;
    ftp.send("STOR ../../tmp/netstage-escape\r\n");
    EXPECT_TRUE(reply().starts_with("5"));
    ftp.send("QUIT\r\n");
    EXPECT_TRUE(reply().starts_with("221"));
    EXPECT_FALSE(std::filesystem::exists("/tmp/netstage-escape"));
}

TEST(LiveHostileInput, aBareLineFeedStreamIsAnsweredLineByLine) {
    ServingWorld world{"01-smtp-alice-to-bob"};
    LineClient client{world.port("hamburger.edu", 25)};
    ASSERT_EQ(client.smtpReply().size(), 1u);
    client.send("HELO crepes.fr\nNOOP\nQUIT\n");
    // Whatever the server makes of bare LF, each line gets a reply or the session ends cleanly: never silence.
    const std::string rest = client.rest(std::chrono::seconds{10});
    EXPECT_FALSE(rest.empty());
    for (std::size_t at = 0; at < rest.size();) {
        const std::size_t end = rest.find("\r\n", at);
        ASSERT_NE(end, std::string::npos) << "replies end in CRLF: " << rest;
        const std::string line = rest.substr(at, end - at);
        EXPECT_TRUE(line.size() >= 3 && std::isdigit(static_cast<unsigned char>(line[0]))) << line;
        at = end + 2;
    }
}

TEST(LiveHostileInput, aDisconnectInTheMiddleOfAnFtpUploadLeavesTheServerServing) {
    ServingWorld world{"05-ftp-session"};
    {
        LineClient ftp{world.port("ftp.school.edu", 21)};
        (void)ftp.line();
        ftp.send("USER alice\r\nPASS wonderland\r\nPASV\r\n");
        (void)ftp.line();
        (void)ftp.line();
        const std::string pasv = ftp.line().value_or("");
        ASSERT_TRUE(pasv.starts_with("227")) << pasv;
        const auto open = pasv.find('(');
        int h1, h2, h3, h4, p1, p2;
        ASSERT_EQ(std::sscanf(pasv.c_str() + open, "(%d,%d,%d,%d,%d,%d)", &h1, &h2, &h3, &h4, &p1, &p2), 6);
        EXPECT_EQ(h1, 127) << "the gateway gave a loopback address";
        LineClient data{static_cast<std::uint16_t>(p1 * 256 + p2)};
        ASSERT_TRUE(data.connected());
        ftp.send("STOR uploads/half.bin\r\n");
        EXPECT_TRUE(ftp.line().value_or("").starts_with("150"));
        data.send(std::string(100'000, 'x'));
        // Both connections vanish in the middle of the upload.
    }
    LineClient next{world.port("ftp.school.edu", 21)};
    EXPECT_TRUE(next.line().value_or("").starts_with("220"));
    next.send("USER alice\r\nPASS wonderland\r\nSIZE reports/readme.txt\r\nQUIT\r\n");
    EXPECT_TRUE(next.line().value_or("").starts_with("331"));
    EXPECT_TRUE(next.line().value_or("").starts_with("230"));
    EXPECT_TRUE(next.line().value_or("").starts_with("213 ")) << "the file is still there, unharmed";
    EXPECT_TRUE(next.line().value_or("").starts_with("221"));
}

TEST(LiveListen, theListenersAreBoundToTheAddressAskedFor) {
    live::PortListeners listeners{{{"hamburger.edu", "SMTP", Ipv4Address{10, 0, 2, 10}, 25, 0}}, "127.0.0.1"};
    ASSERT_EQ(listeners.ports().size(), 1u);
    EXPECT_NE(listeners.ports()[0].localPort, 0);
    LineClient client{listeners.ports()[0].localPort};
    EXPECT_TRUE(client.connected()) << "a bound port accepts before the world runs, as a listen queue does";
}
