// Listings beyond LIST: STAT with a path (RFC 959 §4.1.3) on the control
// connection, and the machine-readable MLST and MLSD (RFC 3659 §7).

#include <gtest/gtest.h>

#include <string>

#include "tests/protocols/ftp/ftp_harness.hpp"

using netstage::ftp::testing::ServerHarness;

namespace {

// 2023-11-14 22:13:20 UTC, the tests' modification time.
constexpr std::int64_t kModified = 1'700'000'000;

void addTree(ServerHarness& h) {
    h.aliceFiles->mkdir("/pub", kModified);
    h.aliceFiles->writeFile("/pub/a.txt", "hello\n", kModified);
    h.aliceFiles->mkdir("/pub/docs", kModified);
}

// Every split of `script` into two receive() calls gives the same replies as the whole.
void expectSplitInvariant(const std::string& script) {
    ServerHarness whole;
    addTree(whole);
    whole.login();
    whole.take();
    const std::string expected = whole.send(script);
    for (std::size_t split = 0; split <= script.size(); ++split) {
        ServerHarness h;
        addTree(h);
        h.login();
        h.take();
        std::string got = h.send(std::string_view{script}.substr(0, split));
        got += h.send(std::string_view{script}.substr(split));
        EXPECT_EQ(got, expected) << "split at " << split;
    }
}

}  // namespace

TEST(FtpServerListing, statWithADirectoryListsItOnTheControlConnection) {
    ServerHarness h;
    addTree(h);
    h.login();
    h.take();
    EXPECT_EQ(h.command("STAT pub"),
              "212-Status of /pub:\r\n"
              "-rw-r--r--    1 ftp      ftp             6 Nov 14 22:13 a.txt\r\n"
              "drwxr-xr-x    2 ftp      ftp             0 Nov 14 22:13 docs\r\n"
              "212 End of status\r\n");
    EXPECT_TRUE(h.eventsOf<netstage::ftp::ListenRequested>().empty()) << "no data connection";
}

TEST(FtpServerListing, statWithAFileIs213AndWithNothingIsTheServerStatus) {
    ServerHarness h;
    addTree(h);
    h.login();
    h.take();
    EXPECT_EQ(h.command("STAT -l /pub/a.txt"),
              "213-Status of /pub/a.txt:\r\n"
              "-rw-r--r--    1 ftp      ftp             6 Nov 14 22:13 a.txt\r\n"
              "213 End of status\r\n");
    EXPECT_EQ(h.command("STAT nothing"), "450 No such file or directory\r\n");
    EXPECT_TRUE(h.command("STAT").starts_with("211-NetStage FTP server status:\r\n"));
}

TEST(FtpServerListing, mlstGivesTheFactsOfOneEntry) {
    ServerHarness h;
    addTree(h);
    h.login();
    h.take();
    EXPECT_EQ(h.command("MLST pub/a.txt"),
              "250-Listing /pub/a.txt\r\n"
              " type=file;size=6;modify=20231114221320;perm=adfrw; /pub/a.txt\r\n"
              "250 End\r\n");
    EXPECT_EQ(h.command("MLST /pub/docs"),
              "250-Listing /pub/docs\r\n"
              " type=dir;modify=20231114221320;perm=cdeflmp; /pub/docs\r\n"
              "250 End\r\n");
    h.command("CWD /pub");
    EXPECT_EQ(h.command("MLST"),
              "250-Listing /pub\r\n"
              " type=cdir;modify=20231114221320;perm=cdeflmp; /pub\r\n"
              "250 End\r\n");
    EXPECT_EQ(h.command("MLST nothing"), "550 No such file or directory\r\n");
    EXPECT_EQ(h.command("OPTS MLST size;Type;unknown;"), "200 MLST OPTS type;size;\r\n");
    EXPECT_EQ(h.command("MLST a.txt"), "250-Listing /pub/a.txt\r\n type=file;size=6; /pub/a.txt\r\n250 End\r\n");
}

TEST(FtpServerListing, mlsdSendsTheFactsOverTheDataConnectionLikeList) {
    ServerHarness h;
    addTree(h);
    h.login();
    h.command("PASV");
    EXPECT_TRUE(h.command("MLSD pub").starts_with("150 "));
    h.server->dataConnectionOpened();
    h.drain();
    EXPECT_EQ(h.dataOut,
              "type=cdir;modify=20231114221320;perm=cdeflmp; .\r\n"
              "type=file;size=6;modify=20231114221320;perm=adfrw; a.txt\r\n"
              "type=dir;modify=20231114221320;perm=cdeflmp; docs\r\n");
    EXPECT_EQ(h.take(), "226 Transfer complete\r\n");
    const auto started = h.eventsOf<netstage::ftp::TransferStarted>();
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].verb, "MLSD");
}

TEST(FtpServerListing, mlsdOfAFileOrNothingIsRefusedBeforeAnyDataConnection) {
    ServerHarness h;
    addTree(h);
    h.login();
    h.command("PASV");
    EXPECT_EQ(h.command("MLSD pub/a.txt"), "501 Not a directory; use MLST for a file\r\n");
    EXPECT_EQ(h.command("MLSD nothing"), "550 No such file or directory\r\n");
    EXPECT_TRUE(h.dataOut.empty());
}

TEST(FtpServerListing, statMlstAndOptsGiveTheSameRepliesSplitAtEveryByte) {
    expectSplitInvariant("STAT pub\r\nMLST pub/a.txt\r\nOPTS MLST type;\r\nMLST pub\r\nSTAT pub/a.txt\r\n");
}
