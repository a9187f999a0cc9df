// What a student gets wrong: every mistake gets a clear message, the
// terminal keeps working, nothing waits forever.
#include <gtest/gtest.h>

#include "tests/programs/lab.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

// The text printed after the last time `command` was typed at the prompt.
std::string after(const std::string& screen, const std::string& command) {
    const std::size_t at = screen.rfind("$ " + command + "\n");
    return at == std::string::npos ? std::string{"(not typed)"} : screen.substr(at + 3 + command.size());
}

}  // namespace

TEST(BadInput, anUnknownCommandIsNamedAndTheShellGoesOn) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.type("alice-pc", "frobnicate --now");
    EXPECT_EQ(after(lab.screen("alice-pc"), "frobnicate --now"),
              "frobnicate: command not found (type help for the commands)\nalice-pc$ ");
    lab.type("alice-pc", "   ");
    lab.type("alice-pc", "help");
    EXPECT_NE(after(lab.screen("alice-pc"), "help").find("telnet HOST [PORT]"), std::string::npos);
    EXPECT_TRUE(lab.terminal("alice-pc").readyForInput());
}

TEST(BadInput, anUnknownHostIsNxdomainAsTheResolverSaysIt) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.type("alice-pc", "telnet nowhere.example 25");
    EXPECT_EQ(after(lab.screen("alice-pc"), "telnet nowhere.example 25"),
              "telnet: nowhere.example: unknown host (NXDOMAIN)\nalice-pc$ ");
    lab.type("alice-pc", "ftp nowhere.example");
    EXPECT_NE(after(lab.screen("alice-pc"), "ftp nowhere.example").find("ftp: nowhere.example: unknown host (NXDOMAIN)\nftp> "),
              std::string::npos)
        << lab.screen("alice-pc");
    lab.type("alice-pc", "quit");
    EXPECT_EQ(lab.terminal("alice-pc").mode(), programs::Terminal::Mode::Shell);
}

TEST(BadInput, aRefusedConnectionAndAClosedPortSayConnectionRefused) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.type("alice-pc", "telnet hamburger.edu 2525");
    EXPECT_EQ(after(lab.screen("alice-pc"), "telnet hamburger.edu 2525"),
              "Trying 10.0.2.10...\ntelnet: Unable to connect to remote host: Connection refused\nalice-pc$ ");
    lab.type("alice-pc", "telnet 10.0.2.2 80");  // bob-pc runs no server at all
    EXPECT_EQ(after(lab.screen("alice-pc"), "telnet 10.0.2.2 80"),
              "Trying 10.0.2.2...\ntelnet: Unable to connect to remote host: Connection refused\nalice-pc$ ");
    lab.type("alice-pc", "telnet hamburger.edu 99999");
    EXPECT_EQ(after(lab.screen("alice-pc"), "telnet hamburger.edu 99999"),
              "telnet: 99999: bad port number (1 to 65535)\nalice-pc$ ");
    lab.type("alice-pc", "telnet");
    EXPECT_NE(after(lab.screen("alice-pc"), "telnet").find("usage: telnet HOST [PORT]"), std::string::npos);
}

TEST(BadInput, typingAfterTheServerClosedGoesToTheShell) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.pass(30_s);
    lab.type("alice-pc", "telnet hamburger.edu 25");
    lab.type("alice-pc", "QUIT");
    EXPECT_NE(lab.screen("alice-pc").find("221 hamburger.edu closing connection\nConnection closed by foreign host.\nalice-pc$ "),
              std::string::npos)
        << lab.screen("alice-pc");
    lab.type("alice-pc", "NOOP");
    EXPECT_EQ(after(lab.screen("alice-pc"), "NOOP"), "NOOP: command not found (type help for the commands)\nalice-pc$ ");
    // Nothing more went to the server: one input line in the trace, the QUIT.
    std::size_t inputs = 0;
    for (const auto& record : lab.recorder().records()) {
        if (const auto* event = std::get_if<trace::Event>(&record); event != nullptr && event->layer == "bridge" && event->type == "input") {
            ++inputs;
        }
    }
    EXPECT_EQ(inputs, 1u);
}

TEST(BadInput, aHundredKilobytePasteNeitherBlocksNorBreaksTheTerminal) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.pass(30_s);
    const std::string paste(100 * 1024, 'x');
    lab.type("alice-pc", paste);
    const std::string shellAnswer = after(lab.screen("alice-pc"), paste);
    EXPECT_LT(shellAnswer.size(), 120u) << "the message quotes the command shortened";
    EXPECT_NE(shellAnswer.find("xxx...: command not found"), std::string::npos);

    lab.type("alice-pc", "telnet hamburger.edu 25");
    lab.type("alice-pc", paste);
    lab.type("alice-pc", "HELO crepes.fr");
    lab.settle("alice-pc");
    EXPECT_TRUE(lab.terminal("alice-pc").readyForInput());
    // The server answers the overlong line as SMTP says (a 500), or closes; either way the terminal goes on.
    const std::string& screen = lab.screen("alice-pc");
    EXPECT_TRUE(screen.find("\n500") != std::string::npos || screen.find("Connection closed by foreign host.") != std::string::npos)
        << screen.substr(screen.size() > 400 ? screen.size() - 400 : 0);
    lab.type("alice-pc", "\x1dquit");
    lab.type("alice-pc", "hostname");
    EXPECT_EQ(after(lab.screen("alice-pc"), "hostname"), "alice-pc (10.0.1.2)\nalice-pc$ ");
}

TEST(BadInput, endingTheInputMidSessionClosesTheConnection) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.pass(30_s);
    lab.type("alice-pc", "telnet hamburger.edu 25");
    lab.type("alice-pc", "HELO crepes.fr");
    EXPECT_EQ(lab.world().bridge("alice-pc").openCount(), 1u);
    lab.end();
    EXPECT_TRUE(lab.terminal("alice-pc").finished());
    EXPECT_EQ(lab.world().bridge("alice-pc").openCount(), 0u);
}

TEST(BadInput, controlCharactersAreNeverPassedToTheScreen) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.type("alice-pc", "\x1b[31mred");
    EXPECT_EQ(lab.screen("alice-pc"), "alice-pc$ .[31mred\n.[31mred: command not found (type help for the commands)\nalice-pc$ ");
    lab.type("alice-pc", "\x1d");  // Ctrl+] outside telnet: nothing
    EXPECT_EQ(lab.screen("alice-pc").substr(lab.screen("alice-pc").size() - 11), "\nalice-pc$ ");
}

TEST(BadInput, telnetTakesAServiceNameForThePort) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.pass(30_s);
    lab.type("alice-pc", "telnet hamburger.edu smtp");
    EXPECT_NE(lab.screen("alice-pc").find("Connected to hamburger.edu.\nEscape character is '^]'.\n220 hamburger.edu\n"),
              std::string::npos)
        << lab.screen("alice-pc");
}
