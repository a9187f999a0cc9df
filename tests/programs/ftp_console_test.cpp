// The ftp console on student-pc against scenario 05's server: login, both
// data connection modes, ls, get and put, with the files checked on both sides.
#include <gtest/gtest.h>

#include "simulator/apps/ftp/ftp_server_app.hpp"
#include "simulator/scenario/world_ftp.hpp"
#include "tests/programs/lab.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

std::string serverFile(test_support::Lab& lab, const std::string& path) {
    apps::FtpServerApp* server = lab.world().world().ftp().server("ftp.school.edu");
    const auto read = server->files("alice")->readFile(path);
    return read.ok() ? std::string{read.text()} : std::string{"(missing)"};
}

std::string after(const std::string& screen, const std::string& typed) {
    const std::size_t at = screen.rfind("> " + typed + "\n");
    return at == std::string::npos ? std::string{"(not typed)"} : screen.substr(at + 3 + typed.size());
}

struct FtpLab : test_support::Lab {
    FtpLab() : Lab{"05-ftp-session", "student-pc"} {
        pass(10_s);  // the scenario's own client is done
        type("student-pc", "ftp ftp.school.edu");
        type("student-pc", "alice");
        type("student-pc", "wonderland");
    }
    std::string& screen() { return Lab::screen("student-pc"); }
    void type(const std::string& line) { Lab::type("student-pc", line); }
    using Lab::type;
};

}  // namespace

TEST(FtpConsole, logsInAndPrintsTheRepliesAsBsdFtpDoes) {
    FtpLab lab;
    EXPECT_EQ(lab.screen(),
              "student-pc$ ftp ftp.school.edu\n"
              "Trying 10.0.2.21...\n"
              "Connected to ftp.school.edu.\n"
              "220 ftp.school.edu FTP server ready\n"
              "Name (ftp.school.edu:student-pc): alice\n"
              "331 Username OK, password required\n"
              "Password: \n"
              "230 Login successful\n"
              "Remote system type is UNIX.\n"
              "Using binary mode to transfer files.\n"
              "ftp> ");
    EXPECT_EQ(lab.screen().find("wonderland"), std::string::npos) << "a password is never shown";
}

TEST(FtpConsole, passiveLsGetAndPutMoveFilesBetweenTheHostAndTheServer) {
    FtpLab lab;
    lab.type("cd reports");
    EXPECT_EQ(after(lab.screen(), "cd reports").substr(0, 4), "250 ");
    lab.type("ls");
    const std::string listing = after(lab.screen(), "ls");
    EXPECT_NE(listing.find("227 Entering Passive Mode ("), std::string::npos) << listing;
    EXPECT_NE(listing.find("report.pdf\n"), std::string::npos) << listing;
    EXPECT_NE(listing.find("readme.txt\n"), std::string::npos) << listing;
    EXPECT_NE(listing.find("\n226 "), std::string::npos) << listing;

    lab.type("get report.pdf");
    const std::string got = after(lab.screen(), "get report.pdf");
    EXPECT_EQ(got.rfind("local: report.pdf remote: report.pdf\n227 ", 0), 0u) << got;
    EXPECT_NE(got.find("\n4096 bytes received in "), std::string::npos) << got;
    const auto local = lab.host("student-pc").files().read("report.pdf");
    ASSERT_TRUE(local.has_value());
    EXPECT_EQ(*local, serverFile(lab, "/reports/report.pdf"));
    EXPECT_EQ(local->size(), 4096u);

    lab.type("put report.pdf /uploads/copy.pdf");
    const std::string put = after(lab.screen(), "put report.pdf /uploads/copy.pdf");
    EXPECT_NE(put.find("\n4096 bytes sent in "), std::string::npos) << put;
    EXPECT_EQ(serverFile(lab, "/uploads/copy.pdf"), *local);
}

TEST(FtpConsole, passiveTogglesToActiveModeWithPort) {
    FtpLab lab;
    lab.type("passive");
    EXPECT_EQ(after(lab.screen(), "passive"), "Passive mode off.\nftp> ");
    lab.type("ascii");
    lab.type("get reports/readme.txt");
    const std::string got = after(lab.screen(), "get reports/readme.txt");
    EXPECT_EQ(got.rfind("local: readme.txt remote: reports/readme.txt\n200 ", 0), 0u) << got;
    EXPECT_EQ(lab.host("student-pc").files().read("readme.txt"), std::optional<std::string>{"Reports of the networking course.\n"});
    // The server opened the data connection, from its port 20, to the port the PORT command named.
    bool serverOpened = false;
    for (const auto& record : lab.recorder().records()) {
        if (const auto* event = std::get_if<trace::Event>(&record);
            event != nullptr && event->layer == "bridge" && event->type == "listen" && event->node == "student-pc") {
            serverOpened = true;
        }
    }
    EXPECT_TRUE(serverOpened);
    lab.type("passive");
    EXPECT_EQ(after(lab.screen(), "passive"), "Passive mode on.\nftp> ");
}

TEST(FtpConsole, aMissingLocalFileAndCommandsWithoutAConnectionAreClearErrors) {
    FtpLab lab;
    lab.type("put nothing.txt");
    EXPECT_EQ(after(lab.screen(), "put nothing.txt"), "local: nothing.txt: No such file (this host's files: the terminal's ls)\nftp> ");
    lab.type("get");
    EXPECT_EQ(after(lab.screen(), "get"), "usage: get REMOTE-FILE [LOCAL-FILE]\nftp> ");
    lab.type("get nothing-there.txt");
    EXPECT_NE(after(lab.screen(), "get nothing-there.txt").find("\n550 "), std::string::npos) << lab.screen();
    EXPECT_FALSE(lab.host("student-pc").files().exists("nothing-there.txt"));
    lab.type("frobnicate");
    EXPECT_EQ(after(lab.screen(), "frobnicate"), "?Invalid command: frobnicate (type help for the list)\nftp> ");
    lab.type("close");
    EXPECT_EQ(after(lab.screen(), "close").substr(0, 4), "221 ");
    lab.type("ls");
    EXPECT_EQ(after(lab.screen(), "ls"), "Not connected.\nftp> ");
    lab.type("quit");
    EXPECT_EQ(lab.terminal("student-pc").mode(), programs::Terminal::Mode::Shell);
    lab.type("ls");
    const std::string& screen = lab.screen();
    EXPECT_EQ(screen.substr(screen.rfind("$ ls\n")),
              "$ ls\n(no files yet: ftp's get brings some, echo TEXT > FILE writes one)\nstudent-pc$ ");
}

TEST(FtpConsole, theTerminalsOwnFilesCanBeWrittenAndUploaded) {
    test_support::Lab lab{"05-ftp-session", "student-pc"};
    lab.pass(10_s);
    lab.type("student-pc", "echo FTP keeps control and data apart. > mine.txt");
    lab.type("student-pc", "cat mine.txt");
    EXPECT_NE(lab.screen("student-pc").find("cat mine.txt\nFTP keeps control and data apart.\n"), std::string::npos);
    lab.type("student-pc", "ftp ftp.school.edu");
    lab.type("student-pc", "alice");
    lab.type("student-pc", "wonderland");
    lab.type("student-pc", "put mine.txt /uploads/mine.txt");
    lab.type("student-pc", "quit");
    EXPECT_EQ(serverFile(lab, "/uploads/mine.txt"), "FTP keeps control and data apart.\n");
    EXPECT_NE(lab.screen("student-pc").find("\n221 "), std::string::npos);
    EXPECT_EQ(lab.terminal("student-pc").mode(), programs::Terminal::Mode::Shell);
}
