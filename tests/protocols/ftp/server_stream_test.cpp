// A download goes out a window at a time, as the host reports room on the
// data connection, so an ABOR or a lost connection stops it where it stands.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/protocols/ftp/ftp_harness.hpp"

using netstage::ftp::CloseData;
using netstage::ftp::DataToSend;
using netstage::ftp::ServerState;
using netstage::ftp::TransferCompleted;
using netstage::ftp::testing::ServerHarness;

namespace {

std::string numbered(std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + i % 26);
    return bytes;
}

// Logged in, TYPE I, passive, "RETR f" sent and the data connection open; nothing handed out yet.
void startDownload(ServerHarness& h, const std::string& contents) {
    h.autoWritable = false;
    h.autoCloseData = false;
    h.aliceFiles->writeFile("/f", contents, 0);
    h.login();
    h.command("TYPE I");
    h.command("PASV");
    h.command("RETR f");
    h.server->dataConnectionOpened();
    h.drain();
}

}  // namespace

TEST(FtpServerStream, aDownloadIsHandedOutNoFasterThanTheHostReportsRoom) {
    const std::string file = numbered(10'000);
    ServerHarness h;
    startDownload(h, file);
    EXPECT_TRUE(h.eventsOf<DataToSend>().empty()) << "nothing before the host reports room";
    EXPECT_EQ(h.server->state(), ServerState::Sending);

    h.server->dataWritable(3'000);
    h.drain();
    EXPECT_EQ(h.dataOut, file.substr(0, 3'000));
    EXPECT_TRUE(h.eventsOf<CloseData>().empty()) << "the connection stays open until the last octet";

    h.server->dataWritable(6'999);
    h.drain();
    EXPECT_EQ(h.dataOut.size(), 9'999u);
    EXPECT_TRUE(h.eventsOf<CloseData>().empty());

    h.server->dataWritable(5'000);
    h.drain();
    EXPECT_EQ(h.dataOut, file);
    const auto closes = h.eventsOf<CloseData>();
    ASSERT_EQ(closes.size(), 1u);
    EXPECT_FALSE(closes[0].aborted);
    for (const auto& piece : h.eventsOf<DataToSend>()) {
        EXPECT_EQ(piece.bytes.get(), h.aliceFiles->readFile("/f").contents.get()) << "every window shares the file";
    }

    h.server->dataWritable(5'000);  // room after the end changes nothing
    h.drain();
    EXPECT_EQ(h.eventsOf<CloseData>().size(), 1u);
    h.server->dataConnectionClosed();
    h.drain();
    EXPECT_EQ(h.take(), "226 Transfer complete\r\n") << "226 only once the data connection has closed";
    const auto done = h.eventsOf<TransferCompleted>();
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].bytes, 10'000u);
}

TEST(FtpServerStream, aborDuringADownloadStopsItAndClosesTheDataConnection) {
    const std::string file = numbered(100'000);
    ServerHarness h;
    startDownload(h, file);
    h.server->dataWritable(4'096);
    h.drain();
    h.take();

    // RFC 959 §4.1.3: 426 for the aborted transfer, then 226 for the ABOR.
    EXPECT_EQ(h.command("ABOR"), "426 Connection closed; transfer aborted\r\n226 Abort successful\r\n");
    const auto closes = h.eventsOf<CloseData>();
    ASSERT_EQ(closes.size(), 1u);
    EXPECT_TRUE(closes[0].aborted) << "what the host still holds is dropped";
    EXPECT_EQ(h.server->state(), ServerState::LoggedIn);

    h.server->dataWritable(1'000'000);
    h.drain();
    EXPECT_EQ(h.dataOut, file.substr(0, 4'096)) << "not one octet after the abort";
    EXPECT_TRUE(h.eventsOf<TransferCompleted>().empty());
    EXPECT_EQ(h.command("NOOP"), "200 NOOP ok\r\n");
}

TEST(FtpServerStream, aDataConnectionLostMidDownloadIs426AndSendsNoMore) {
    ServerHarness h;
    startDownload(h, numbered(50'000));
    h.server->dataWritable(1'000);
    h.drain();
    h.take();
    h.server->dataConnectionFailed();
    h.drain();
    EXPECT_EQ(h.take(), "426 Connection closed; transfer aborted\r\n");
    h.server->dataWritable(100'000);
    h.drain();
    EXPECT_EQ(h.dataOut.size(), 1'000u);
}

TEST(FtpServerStream, aDescribedFileIsMadeOnlyAWindowAtATime) {
    ServerHarness h;
    h.autoWritable = false;
    std::size_t largestWindow = 0;
    std::uint64_t madeOctets = 0;
    h.aliceFiles->writeFile("/big",
                            netstage::vfs::FileContents::ofRanges(1'000'000,
                                                                  [&](std::uint64_t offset, std::size_t length) {
                                                                      largestWindow = std::max(largestWindow, length);
                                                                      madeOctets += length;
                                                                      return numbered(1'000'000).substr(offset, length);
                                                                  }),
                            0);
    h.login();
    h.command("TYPE I");
    h.command("PASV");
    h.command("RETR big");
    h.server->dataConnectionOpened();
    h.drain();
    EXPECT_EQ(madeOctets, 0u) << "listing, RETR and the 150 need only the size";
    for (int i = 0; i < 20; ++i) {
        h.server->dataWritable(50'000);
        h.drain();
    }
    EXPECT_EQ(h.dataOut, numbered(1'000'000));
    EXPECT_EQ(largestWindow, 50'000u);
    EXPECT_EQ(madeOctets, 1'000'000u) << "each octet made once, for its window";
}

TEST(FtpServerStream, aListingGoesOutWholeWithoutWaitingForRoom) {
    ServerHarness h;
    h.autoWritable = false;
    h.aliceFiles->writeFile("/a", "1", 0);
    h.login();
    h.command("PASV");
    h.command("NLST");
    h.server->dataConnectionOpened();
    h.drain();
    EXPECT_EQ(h.dataOut, "a\r\n");
    EXPECT_EQ(h.eventsOf<CloseData>().size(), 1u);
}

TEST(FtpServerStream, anEmptyFileClosesTheDataConnectionAtOnce) {
    ServerHarness h;
    startDownload(h, "");
    EXPECT_EQ(h.eventsOf<CloseData>().size(), 1u);
    EXPECT_TRUE(h.dataOut.empty());
}
