#include <gtest/gtest.h>

#include <string>

#include "protocols/common/engine.hpp"
#include "tests/protocols/ftp/ftp_harness.hpp"

static_assert(netstage::proto::Engine<netstage::ftp::ServerSession>, "the FTP server speaks the one engine API");

using netstage::ftp::CloseRequested;
using netstage::ftp::CommandReceived;
using netstage::ftp::FileChanged;
using netstage::ftp::ProtocolError;
using netstage::ftp::ServerConfig;
using netstage::ftp::ServerState;
using netstage::ftp::testing::ServerHarness;

TEST(FtpServer, greetsWith220AndAsksForThePasswordWith331) {
    ServerHarness h;
    EXPECT_EQ(h.take(), "220 NetStage FTP server ready\r\n");
    EXPECT_EQ(h.command("USER alice"), "331 Username OK, password required\r\n");
    EXPECT_EQ(h.server->state(), ServerState::AwaitingPassword);
}

TEST(FtpServer, acceptsTheRightPasswordAndRefusesAWrongOne) {
    ServerHarness h;
    h.take();
    h.command("USER alice");
    EXPECT_EQ(h.command("PASS wrong"), "530 Login incorrect\r\n");
    EXPECT_EQ(h.server->state(), ServerState::AwaitingUser);
    h.command("USER nobody");
    EXPECT_EQ(h.command("PASS secret"), "530 Login incorrect\r\n");
    h.command("USER alice");
    EXPECT_EQ(h.command("PASS secret"), "230 Login successful\r\n");
    EXPECT_EQ(h.server->state(), ServerState::LoggedIn);
    EXPECT_EQ(h.server->user(), "alice");
    EXPECT_EQ(h.command("PASS again"), "230 Already logged in\r\n");
}

TEST(FtpServer, passWithoutUserIsABadSequence) {
    ServerHarness h;
    h.take();
    EXPECT_EQ(h.command("PASS secret"), "503 Login with USER first\r\n");
}

TEST(FtpServer, refusesFileCommandsBeforeLoginWith530) {
    ServerHarness h;
    h.take();
    for (const char* line : {"PWD", "CWD /", "LIST", "RETR a", "STOR a", "PASV", "EPSV", "PORT 1,2,3,4,5,6", "SIZE a",
                             "MKD d", "TYPE I"}) {
        EXPECT_EQ(h.command(line), "530 Please login with USER and PASS\r\n") << line;
    }
}

TEST(FtpServer, answersAuthTlsWith502BeforeLogin) {
    ServerHarness h;
    h.take();
    EXPECT_EQ(h.command("AUTH TLS"), "502 AUTH not supported\r\n");
    EXPECT_EQ(h.command("ACCT x"), "502 ACCT not implemented\r\n");
}

TEST(FtpServer, featListsExactlyWhatIsImplemented) {
    ServerHarness h;
    h.take();
    EXPECT_EQ(h.command("FEAT"),
              "211-Features:\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n REST STREAM\r\n SIZE\r\n UTF8\r\n"
              " MLST type*;size*;modify*;perm*;\r\n211 End\r\n");
    EXPECT_EQ(h.command("OPTS UTF8 ON"), "200 UTF8 mode is always on\r\n");
    EXPECT_EQ(h.command("OPTS MLST type;size;"), "200 MLST OPTS type;size;\r\n");
    EXPECT_NE(h.command("FEAT").find(" MLST type*;size*;modify;perm;\r\n"), std::string::npos)
        << "FEAT marks the facts now selected";
    EXPECT_EQ(h.command("SYST"), "215 UNIX Type: L8\r\n");
    EXPECT_EQ(h.command("NOOP"), "200 NOOP ok\r\n");
    // What FEAT lists is accepted: MLST and MLSD need a login like LIST.
    EXPECT_EQ(h.command("MLST /"), "530 Please login with USER and PASS\r\n");
    EXPECT_EQ(h.command("PBSZ 0"), "502 Command not implemented\r\n");
}

TEST(FtpServer, helpListsTheCommandsAsAMultiLineReply) {
    ServerHarness h;
    h.take();
    const std::string help = h.command("HELP");
    EXPECT_TRUE(help.starts_with("214-The following commands are recognized:\r\n"));
    EXPECT_NE(help.find(" RETR"), std::string::npos);
    EXPECT_TRUE(help.ends_with("214 Help OK\r\n"));
}

TEST(FtpServer, pwdCwdAndCdupWalkTheTree) {
    ServerHarness h;
    h.aliceFiles->mkdir("/pub", 0);
    h.aliceFiles->mkdir("/pub/docs", 0);
    h.login();
    h.take();
    EXPECT_EQ(h.command("PWD"), "257 \"/\" is the current directory\r\n");
    EXPECT_EQ(h.command("CWD pub/docs"), "250 Directory successfully changed\r\n");
    EXPECT_EQ(h.command("XPWD"), "257 \"/pub/docs\" is the current directory\r\n");
    EXPECT_EQ(h.command("CDUP"), "250 Directory successfully changed\r\n");
    EXPECT_EQ(h.server->currentDirectory(), "/pub");
    EXPECT_EQ(h.command("CWD nowhere"), "550 Failed to change directory\r\n");
    EXPECT_EQ(h.server->currentDirectory(), "/pub");
}

TEST(FtpServer, cwdCannotLeaveTheUsersRoot) {
    ServerHarness h;
    h.login();
    h.take();
    EXPECT_EQ(h.command("CWD ../../../.."), "250 Directory successfully changed\r\n");
    EXPECT_EQ(h.command("PWD"), "257 \"/\" is the current directory\r\n");
    EXPECT_EQ(h.command("CWD ..\\..\\"), "250 Directory successfully changed\r\n");
    EXPECT_EQ(h.server->currentDirectory(), "/");
    EXPECT_EQ(h.command("CDUP"), "250 Directory successfully changed\r\n");
    EXPECT_EQ(h.server->currentDirectory(), "/");
}

TEST(FtpServer, pwdDoublesAQuoteInsideThePath) {
    ServerHarness h;
    h.aliceFiles->mkdir("/say \"hi\"", 0);
    h.login();
    h.command("CWD say \"hi\"");
    EXPECT_EQ(h.command("PWD"), "257 \"/say \"\"hi\"\"\" is the current directory\r\n");
}

TEST(FtpServer, mkdRmdAndDeleChangeTheTreeAndSayWhat) {
    ServerHarness h;
    h.aliceFiles->writeFile("/f.txt", "x", 0);
    h.login();
    h.take();
    EXPECT_EQ(h.command("MKD docs"), "257 \"/docs\" created\r\n");
    EXPECT_TRUE(h.aliceFiles->isDirectory("/docs"));
    EXPECT_EQ(h.command("MKD docs"), "550 Already exists\r\n");
    h.aliceFiles->writeFile("/docs/inner", "y", 0);
    EXPECT_EQ(h.command("RMD docs"), "550 Directory not empty\r\n");
    EXPECT_EQ(h.command("DELE docs/inner"), "250 File deleted\r\n");
    EXPECT_EQ(h.command("RMD docs"), "250 Directory removed\r\n");
    EXPECT_EQ(h.command("DELE f.txt"), "250 File deleted\r\n");
    EXPECT_EQ(h.command("DELE f.txt"), "550 No such file or directory\r\n");
    EXPECT_EQ(h.command("MKD"), "501 MKD needs a directory name\r\n");
    const auto changes = h.eventsOf<FileChanged>();
    ASSERT_EQ(changes.size(), 4u);
    EXPECT_EQ(changes[0].action, "mkdir");
    EXPECT_EQ(changes[3].path, "/f.txt");
}

TEST(FtpServer, rmdRefusesTheCurrentDirectory) {
    ServerHarness h;
    h.aliceFiles->mkdir("/here", 0);
    h.login();
    h.command("CWD here");
    EXPECT_EQ(h.command("RMD /here"), "550 Directory is in use\r\n");
}

TEST(FtpServer, renameNeedsRnfrThenRnto) {
    ServerHarness h;
    h.aliceFiles->writeFile("/old", "data", 0);
    h.login();
    h.take();
    EXPECT_EQ(h.command("RNTO new"), "503 RNFR required first\r\n");
    EXPECT_EQ(h.command("RNFR missing"), "550 No such file or directory\r\n");
    EXPECT_EQ(h.command("RNFR old"), "350 Ready for RNTO\r\n");
    EXPECT_EQ(h.command("RNTO new"), "250 Rename successful\r\n");
    EXPECT_EQ(h.aliceFiles->readFile("/new").text(), "data");
    // Any other command between RNFR and RNTO cancels the rename.
    h.command("RNFR new");
    h.command("NOOP");
    EXPECT_EQ(h.command("RNTO other"), "503 RNFR required first\r\n");
}

TEST(FtpServer, typeModeAndStruAcceptWhatIsImplemented) {
    ServerHarness h;
    h.login();
    h.take();
    EXPECT_EQ(h.command("TYPE I"), "200 Switching to Binary mode\r\n");
    EXPECT_EQ(h.command("TYPE A"), "200 Switching to ASCII mode\r\n");
    EXPECT_EQ(h.command("TYPE L 8"), "200 Switching to Binary mode\r\n");
    EXPECT_EQ(h.command("TYPE E"), "504 Type not supported\r\n");
    EXPECT_EQ(h.command("TYPE X"), "501 Unrecognised TYPE\r\n");
    EXPECT_EQ(h.command("MODE S"), "200 Mode set to S\r\n");
    EXPECT_EQ(h.command("MODE B"), "504 Only stream mode is supported\r\n");
    EXPECT_EQ(h.command("STRU F"), "200 Structure set to F\r\n");
    EXPECT_EQ(h.command("STRU R"), "504 Only file structure is supported\r\n");
}

TEST(FtpServer, sizeGives213OrThe550ThatCurlReadsAsNoSuchFile) {
    ServerHarness h;
    h.aliceFiles->writeFile("/a.txt", "one\ntwo\n", 0);
    h.aliceFiles->mkdir("/dir", 0);
    h.login();
    h.command("TYPE I");
    EXPECT_EQ(h.command("SIZE a.txt"), "213 8\r\n");
    h.command("TYPE A");
    EXPECT_EQ(h.command("SIZE a.txt"), "213 10\r\n");  // as RETR would send it
    EXPECT_EQ(h.command("SIZE missing"), "550 Could not get file size\r\n");
    EXPECT_EQ(h.command("SIZE dir"), "550 Could not get file size\r\n");
}

TEST(FtpServer, mdtmGivesUtcTimeInRfc3659Form) {
    ServerHarness h;
    h.aliceFiles->writeFile("/a", "x", 1700000000);  // 2023-11-14 22:13:20 UTC
    h.aliceFiles->writeFile("/leap", "x", 951782400);  // 2000-02-29 00:00:00 UTC
    h.login();
    h.take();
    EXPECT_EQ(h.command("MDTM a"), "213 20231114221320\r\n");
    EXPECT_EQ(h.command("MDTM leap"), "213 20000229000000\r\n");
    EXPECT_EQ(h.command("MDTM none"), "550 Could not get file modification time\r\n");
}

TEST(FtpServer, restTakesAByteOffset) {
    ServerHarness h;
    h.login();
    h.take();
    EXPECT_EQ(h.command("REST 100"), "350 Restart position accepted (100)\r\n");
    EXPECT_EQ(h.command("REST -1"), "501 REST needs a byte offset\r\n");
    EXPECT_EQ(h.command("REST 99999999999999999999999"), "501 REST needs a byte offset\r\n");
}

TEST(FtpServer, quitSays221AndAsksToClose) {
    ServerHarness h;
    h.take();
    EXPECT_EQ(h.command("QUIT"), "221 Goodbye\r\n");
    EXPECT_EQ(h.server->state(), ServerState::Closed);
    EXPECT_EQ(h.eventsOf<CloseRequested>().size(), 1u);
    EXPECT_TRUE(h.server->closed());
    EXPECT_EQ(h.command("NOOP"), "");  // nothing after QUIT
}

TEST(FtpServer, aReplysBytesAreOutputOnceItsEventIsTaken) {
    ServerHarness h;
    h.take();
    h.server->receive("NOOP\r\nSYST\r\n", h.now);
    EXPECT_EQ(h.server->takeOutput(), "") << "no event taken yet";
    std::string output;
    for (auto event = h.server->nextEvent(); !std::holds_alternative<netstage::ftp::NeedData>(event);
         event = h.server->nextEvent()) {
        const std::string released = h.server->takeOutput();
        if (const auto* reply = std::get_if<netstage::ftp::ReplySent>(&event)) {
            EXPECT_EQ(released.substr(0, 4), std::to_string(reply->code) + " ");
        } else {
            EXPECT_EQ(released, "");
        }
        output += released;
    }
    EXPECT_EQ(output, "200 NOOP ok\r\n215 UNIX Type: L8\r\n");
    EXPECT_FALSE(h.server->closed());
}

TEST(FtpServer, closesWith421AfterTheIdleTimeout) {
    ServerConfig config;
    config.idleTimeout = std::chrono::seconds{60};
    ServerHarness h{netstage::vfs::kUnlimitedQuota, config};
    h.take();
    h.now = std::chrono::seconds{10};
    h.command("NOOP");
    ASSERT_TRUE(h.server->nextTimeout().has_value());
    EXPECT_EQ(*h.server->nextTimeout(), std::chrono::nanoseconds{std::chrono::seconds{70}});
    h.server->handleTimeout(std::chrono::seconds{69});
    h.drain();
    EXPECT_EQ(h.take(), "");
    h.server->handleTimeout(std::chrono::seconds{70});
    h.drain();
    EXPECT_EQ(h.take(), "421 Timeout: closing control connection\r\n");
    EXPECT_EQ(h.server->state(), ServerState::Closed);
}

TEST(FtpServer, replyTextsCanBeReworded) {
    ServerConfig config;
    config.greeting = "Welcome";
    config.texts.userOk = "Password please";
    ServerHarness h{netstage::vfs::kUnlimitedQuota, config};
    EXPECT_EQ(h.take(), "220 Welcome\r\n");
    EXPECT_EQ(h.command("USER alice"), "331 Password please\r\n");
}

TEST(FtpServer, hostileInputGetsSyntaxErrorsAndTheSessionGoesOn) {
    ServerHarness h;
    h.login();
    h.take();
    EXPECT_EQ(h.send(std::string{"CWD a\0b\r\n", 9}), "501 Syntax error in parameters or arguments\r\n");
    EXPECT_EQ(h.command(std::string(10240, 'A')), "500 Command line too long\r\n");
    EXPECT_EQ(h.command("\x01\x02garbage!!"), "500 Syntax error, command unrecognized\r\n");
    EXPECT_EQ(h.command(""), "500 Syntax error, command unrecognized\r\n");
    EXPECT_EQ(h.command("12345"), "500 Syntax error, command unrecognized\r\n");
    EXPECT_EQ(h.command("FROB x"), "500 Unknown command\r\n");
    EXPECT_EQ(h.eventsOf<ProtocolError>().size(), 5u);
    EXPECT_EQ(h.command("NOOP"), "200 NOOP ok\r\n");
    EXPECT_EQ(h.server->state(), ServerState::LoggedIn);
}

TEST(FtpServer, everyCommandIsReportedWithItsRawLine) {
    ServerHarness h;
    h.command("user alice");
    const auto commands = h.eventsOf<CommandReceived>();
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(commands[0].verb, "USER");
    EXPECT_EQ(commands[0].argument, "alice");
    EXPECT_EQ(commands[0].rawLine, "user alice");
}

TEST(FtpServer, controlBytesSplitAtEveryIndexGiveTheSameReplies) {
    const std::string script =
        "USER alice\r\nPASS secret\r\nPWD\r\nMKD a\"b\r\nCWD a\"b\r\nTYPE I\r\nSIZE none\r\nFEAT\r\n"
        "CWD ..\nNOOP\r\nQUIT\r\n";
    ServerHarness whole;
    whole.take();
    const std::string expected = whole.send(script);
    ASSERT_NE(expected.find("221 Goodbye"), std::string::npos);
    {
        ServerHarness bytewise;
        bytewise.take();
        std::string got;
        for (char c : script) got += bytewise.send(std::string_view{&c, 1});
        EXPECT_EQ(got, expected);
    }
    for (std::size_t split = 0; split <= script.size(); ++split) {
        ServerHarness h;
        h.take();
        std::string got = h.send(std::string_view{script}.substr(0, split));
        got += h.send(std::string_view{script}.substr(split));
        EXPECT_EQ(got, expected) << "split at " << split;
    }
}

TEST(FtpServer, misuseOfTheHostApiThrows) {
    ServerHarness h;
    EXPECT_THROW(h.server->passiveListening(50000), std::logic_error);
    EXPECT_THROW(h.server->start(std::chrono::nanoseconds{0}), std::logic_error);
    EXPECT_THROW(netstage::ftp::ServerSession{ServerConfig{}}, std::invalid_argument);
}

TEST(FtpServer, aGreetingOrReplyTextWithALineBreakIsNeverSent) {
    ServerConfig config;
    config.greeting = "Welcome\r\n230 fake";
    EXPECT_THROW((ServerHarness{netstage::vfs::kUnlimitedQuota, config}), std::invalid_argument);
    EXPECT_THROW(netstage::ftp::formatReply(netstage::ftp::Reply{226, {"done\n250 fake"}}), std::invalid_argument);
}
