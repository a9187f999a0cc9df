// The lecture's SMTP dialogue typed by hand: telnet on alice-pc to
// hamburger.edu, port 25, a line at a time, as the student on the slide does.
#include <gtest/gtest.h>

#include "simulator/apps/mail/mail_server.hpp"
#include "tests/programs/lab.hpp"
#include "tests/support/lecture.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

const mail::Folder* inboxOf(scenario::LiveWorld& world, const std::string& server, const std::string& user) {
    for (const auto& s : world.world().mailServers()) {
        if (s->host().node().name() == server) return s->store().folder(user, "INBOX");
    }
    return nullptr;
}

void typeTheLecturesLines(test_support::Lab& lab) {
    for (const std::string& line : test_support::lectureSmtpDialogue()) {
        if (line.starts_with("C: ")) lab.type("alice-pc", line.substr(3));
    }
}

}  // namespace

TEST(Telnet, theLecturesDialogueTypedOnAlicePcGivesTheLecturesTranscriptAndBobGetsTheMessage) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.pass(30_s);  // the scenario's own mail has gone, and Bob has read it
    ASSERT_EQ(inboxOf(lab.world(), "hamburger.edu", "bob")->size(), 0u);
    lab.terminal("alice-pc");
    lab.type("alice-pc", "telnet hamburger.edu 25");
    typeTheLecturesLines(lab);
    lab.settle("alice-pc");

    const trace::TranscriptBlock* block = nullptr;
    for (const auto& candidate : lab.transcript().blocks()) {
        if (candidate.protocol == "SMTP" && candidate.client == "alice-pc" && candidate.server == "hamburger.edu") block = &candidate;
    }
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(block->lines, test_support::lectureSmtpDialogue());

    const mail::Folder* inbox = inboxOf(lab.world(), "hamburger.edu", "bob");
    ASSERT_EQ(inbox->size(), 1u);
    EXPECT_NE(inbox->messages().front().content->find("Do you like ketchup?\r\nHow about pickles?\r\n"), std::string::npos);

    const std::string& screen = lab.screen("alice-pc");
    EXPECT_EQ(screen,
              "alice-pc$ telnet hamburger.edu 25\n"
              "Trying 10.0.2.10...\n"
              "Connected to hamburger.edu.\n"
              "Escape character is '^]'.\n"
              "220 hamburger.edu\n"
              "HELO crepes.fr\n"
              "250 Hello crepes.fr, pleased to meet you\n"
              "MAIL FROM: <alice@crepes.fr>\n"
              "250 alice@crepes.fr... Sender ok\n"
              "RCPT TO: <bob@hamburger.edu>\n"
              "250 bob@hamburger.edu ... Recipient ok\n"
              "DATA\n"
              "354 Enter mail, end with \".\" on a line by itself\n"
              "Do you like ketchup?\n"
              "How about pickles?\n"
              ".\n"
              "250 Message accepted for delivery\n"
              "QUIT\n"
              "221 hamburger.edu closing connection\n"
              "Connection closed by foreign host.\n"
              "alice-pc$ ");
}

TEST(Telnet, theNameIsResolvedByAnAQueryOnTheWire) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.pass(30_s);
    lab.type("alice-pc", "telnet hamburger.edu 25");
    bool queried = false;
    bool answered = false;
    for (const auto& record : lab.recorder().records()) {
        if (const auto* event = std::get_if<trace::Event>(&record)) {
            if (event->layer == "bridge" && event->type == "query" && event->node == "alice-pc") {
                queried = event->text("name") == "hamburger.edu" && event->text("qtype") == "A";
            }
            if (event->layer == "dns" && event->type == "answer" && event->node == "dns" && queried) answered = true;
        }
    }
    EXPECT_TRUE(queried);
    EXPECT_TRUE(answered) << "the DNS server answered the query alice-pc sent";
}

TEST(Telnet, ctrlRightBracketThenQuitClosesTheConnection) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.pass(30_s);
    lab.type("alice-pc", "telnet 10.0.2.10 25");
    lab.type("alice-pc", "HELO crepes.fr");
    lab.type("alice-pc", "\x1d");
    EXPECT_EQ(lab.terminal("alice-pc").mode(), programs::Terminal::Mode::TelnetCommand);
    EXPECT_EQ(lab.terminal("alice-pc").prompt(), "telnet> ");
    lab.type("alice-pc", "quit");
    EXPECT_EQ(lab.terminal("alice-pc").mode(), programs::Terminal::Mode::Shell);
    const std::string& screen = lab.screen("alice-pc");
    EXPECT_NE(screen.find("250 Hello crepes.fr, pleased to meet you\n^]\ntelnet> quit\nConnection closed.\nalice-pc$ "),
              std::string::npos)
        << screen;
    lab.pass(70_s);  // the side that closed first waits out TIME-WAIT (2 MSL, 60 s)
    EXPECT_EQ(lab.world().bridge("alice-pc").openCount(), 0u);
}

TEST(Telnet, linesTypedWhilePausedLeaveWhenTheWorldRunsAgain) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc", Speed::realTime()};
    lab.pass(30_s);
    lab.type("alice-pc", "telnet hamburger.edu 25");
    lab.world().pause(lab.wall());
    const Time pausedAt = lab.world().now();
    auto packetsSince = [&](Time from) {
        std::size_t count = 0;
        for (const auto& record : lab.recorder().records()) {
            if (const auto* packet = std::get_if<trace::PacketRecord>(&record); packet != nullptr && packet->time > from) ++count;
        }
        return count;
    };
    const std::size_t before = packetsSince(Time::zero());
    lab.terminal("alice-pc").type("HELO crepes.fr");
    lab.settle("alice-pc");  // paused: nothing moves
    EXPECT_EQ(lab.world().now(), pausedAt);
    EXPECT_EQ(packetsSince(Time::zero()), before);
    lab.world().resume(lab.wall());
    lab.settle("alice-pc");
    EXPECT_GT(packetsSince(pausedAt), 0u);
    EXPECT_NE(lab.screen("alice-pc").find("HELO crepes.fr\n250 Hello crepes.fr"), std::string::npos) << lab.screen("alice-pc");
}

TEST(Telnet, aWebPageFetchedByHandIsTheWebmailsLoginFormInItsOwnResponse) {
    // HTTP by hand, as the lecture does SMTP: a request line, a Host field and
    // an empty line; the server answers with one response holding one object.
    test_support::Lab lab{"09b-webmail-pull-vs-push", "alice-pc"};
    lab.pass(30_s);
    lab.terminal("alice-pc");
    lab.type("alice-pc", "telnet crepes.fr 80");
    lab.type("alice-pc", "GET / HTTP/1.1");
    lab.type("alice-pc", "Host: crepes.fr");
    lab.type("alice-pc", "");
    lab.settle("alice-pc");

    const std::string& screen = lab.screen("alice-pc");
    const std::size_t status = screen.find("HTTP/1.1 200 OK\n");
    ASSERT_NE(status, std::string::npos) << screen;
    EXPECT_NE(screen.find("Content-Type: text/html; charset=utf-8\n", status), std::string::npos) << screen;
    EXPECT_NE(screen.find("<form method=\"post\" action=\"/login\"", status), std::string::npos) << screen;
    // The connection stays open for the next request (HTTP/1.1 keeps it alive).
    EXPECT_EQ(screen.find("Connection closed by foreign host."), std::string::npos) << screen;
}
