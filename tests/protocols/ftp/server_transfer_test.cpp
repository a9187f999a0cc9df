#include <gtest/gtest.h>

#include <string>

#include "protocols/ftp/address.hpp"
#include "tests/protocols/ftp/ftp_harness.hpp"

using netstage::ftp::CloseData;
using netstage::ftp::ConnectRequested;
using netstage::ftp::DataChange;
using netstage::ftp::DataConnection;
using netstage::ftp::DataToSend;
using netstage::ftp::ListenRequested;
using netstage::ftp::parse227;
using netstage::ftp::parse229;
using netstage::ftp::ReplySent;
using netstage::ftp::ServerState;
using netstage::ftp::TransferCompleted;
using netstage::ftp::TransferStarted;
using netstage::ftp::testing::allBytes;
using netstage::ftp::testing::ServerHarness;

TEST(FtpServerTransfer, pasvWaitsForTheHostListenerBefore227) {
    ServerHarness h;
    h.autoListen = false;
    h.login();
    h.take();
    EXPECT_EQ(h.command("PASV"), "");  // nothing until the host listens
    EXPECT_EQ(h.server->state(), ServerState::AwaitingListener);
    const auto requests = h.eventsOf<ListenRequested>();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].port, 50000);
    EXPECT_EQ(h.command("NOOP"), "");  // commands wait behind the 227
    h.server->passiveListening(50000);
    h.drain();
    const std::string replies = h.take();
    EXPECT_EQ(replies, "227 Entering Passive Mode (10,0,2,1,195,80)\r\n200 NOOP ok\r\n");
    const auto parsed = parse227(replies.substr(4, replies.find('\r') - 4));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->addressText(), "10.0.2.1");
    EXPECT_EQ(parsed->port, 50000);
    const auto listens = h.eventsOf<DataConnection>();
    ASSERT_EQ(listens.size(), 1u);
    EXPECT_EQ(listens[0].change, DataChange::Listen);
}

TEST(FtpServerTransfer, epsvRepliesWithTheRfc2428Format) {
    ServerHarness h;
    h.login();
    h.take();
    const std::string reply = h.command("EPSV");
    EXPECT_EQ(reply, "229 Entering Extended Passive Mode (|||50000|)\r\n");
    EXPECT_EQ(parse229(reply), 50000);
    EXPECT_EQ(h.command("EPSV 2"), "522 Network protocol not supported, use (1)\r\n");
    EXPECT_EQ(h.command("EPSV ALL"), "200 EPSV ALL ok\r\n");
    EXPECT_EQ(h.command("EPSV x"), "501 Illegal EPSV argument\r\n");
}

TEST(FtpServerTransfer, aHostThatCannotListenGives425) {
    ServerHarness h;
    h.autoListen = false;
    h.login();
    h.take();
    h.command("PASV");
    h.server->passiveListenFailed();
    h.drain();
    EXPECT_EQ(h.take(), "425 Can't open data connection\r\n");
    EXPECT_EQ(h.server->state(), ServerState::LoggedIn);
}

TEST(FtpServerTransfer, retrOnAnAlreadyOpenPassiveConnectionSays125) {
    ServerHarness h;
    h.aliceFiles->writeFile("/hello.txt", "hello\n", 0);
    h.login();
    h.command("TYPE I");
    h.command("PASV");
    h.server->dataConnectionOpened();  // the client connected right after 227
    h.drain();
    EXPECT_EQ(h.command("RETR hello.txt"),
              "125 data connection already open; transfer starting\r\n226 Transfer complete\r\n");
    EXPECT_EQ(h.dataOut, "hello\n");
    const auto done = h.eventsOf<TransferCompleted>();
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].file, "/hello.txt");
    EXPECT_EQ(done[0].bytes, 6u);
}

TEST(FtpServerTransfer, retrBeforeThePassiveConnectionArrivesSays150AndWaits) {
    ServerHarness h;
    h.aliceFiles->writeFile("/hello.txt", "hello\n", 0);
    h.login();
    h.command("TYPE I");
    h.command("PASV");
    EXPECT_EQ(h.command("RETR hello.txt"), "150 File status okay; about to open data connection\r\n");
    EXPECT_EQ(h.server->state(), ServerState::AwaitingDataConnection);
    EXPECT_EQ(h.dataOut, "");
    h.server->dataConnectionOpened();
    h.drain();
    EXPECT_EQ(h.take(), "226 Transfer complete\r\n");
    EXPECT_EQ(h.dataOut, "hello\n");
}

TEST(FtpServerTransfer, the226WaitsUntilTheHostHasClosedTheDataConnection) {
    ServerHarness h;
    h.autoCloseData = false;
    h.aliceFiles->writeFile("/f", "abc", 0);
    h.login();
    h.command("PASV");
    h.server->dataConnectionOpened();
    h.drain();
    EXPECT_EQ(h.command("RETR f"), "125 data connection already open; transfer starting\r\n");
    EXPECT_EQ(h.server->state(), ServerState::Sending);
    EXPECT_FALSE(h.eventsOf<CloseData>().empty());
    h.server->dataConnectionClosed();
    h.drain();
    EXPECT_EQ(h.take(), "226 Transfer complete\r\n");
}

TEST(FtpServerTransfer, activeModeAsksTheHostToConnectAfter150) {
    ServerHarness h;
    h.aliceFiles->writeFile("/f", "abc", 0);
    h.login();
    h.take();
    EXPECT_EQ(h.command("PORT 10,0,1,2,156,64"), "200 PORT command successful\r\n");
    EXPECT_EQ(h.command("RETR f"), "150 File status okay; about to open data connection\r\n226 Transfer complete\r\n");
    const auto connects = h.eventsOf<ConnectRequested>();
    ASSERT_EQ(connects.size(), 1u);
    EXPECT_EQ(connects[0].address, "10.0.1.2");
    EXPECT_EQ(connects[0].port, 40000);
    EXPECT_EQ(h.dataOut, "abc");
}

TEST(FtpServerTransfer, eprtSetsTheActiveAddress) {
    ServerHarness h;
    h.login();
    h.take();
    EXPECT_EQ(h.command("EPRT |1|10.0.1.2|40001|"), "200 EPRT command successful\r\n");
    EXPECT_EQ(h.command("EPRT |2|::1|40001|"), "522 Network protocol not supported, use (1)\r\n");
    EXPECT_EQ(h.command("EPRT |1|10.0.1|40001|"), "501 Illegal EPRT command\r\n");
    EXPECT_EQ(h.command("PORT 300,0,0,1,1,1"), "501 Illegal PORT command\r\n");
    EXPECT_EQ(h.command("NLST"), "150 File status okay; about to open data connection\r\n226 Transfer complete\r\n");
    EXPECT_EQ(h.eventsOf<ConnectRequested>().at(0).port, 40001);
}

TEST(FtpServerTransfer, aFailedActiveConnectionGives425) {
    ServerHarness h;
    h.failConnect = true;
    h.aliceFiles->writeFile("/f", "abc", 0);
    h.login();
    h.command("PORT 10,0,1,2,156,64");
    EXPECT_EQ(h.command("RETR f"),
              "150 File status okay; about to open data connection\r\n425 Can't open data connection\r\n");
    EXPECT_EQ(h.server->state(), ServerState::LoggedIn);
    EXPECT_EQ(h.command("NOOP"), "200 NOOP ok\r\n");
}

TEST(FtpServerTransfer, aPassiveListenerThatFailedGives425AtTheNextTransfer) {
    ServerHarness h;
    h.aliceFiles->writeFile("/f", "abc", 0);
    h.login();
    h.command("PASV");
    h.server->dataConnectionFailed();
    EXPECT_EQ(h.command("RETR f"), "425 Can't open data connection\r\n");
}

TEST(FtpServerTransfer, aTransferWithoutPortOrPasvGives425) {
    ServerHarness h;
    h.aliceFiles->writeFile("/f", "abc", 0);
    h.login();
    h.take();
    EXPECT_EQ(h.command("RETR f"), "425 Use PORT or PASV first\r\n");
}

TEST(FtpServerTransfer, retrOfAMissingFileOrADirectoryIs550) {
    ServerHarness h;
    h.aliceFiles->mkdir("/d", 0);
    h.login();
    h.command("PASV");
    EXPECT_EQ(h.command("RETR none"), "550 No such file or directory\r\n");
    EXPECT_EQ(h.command("RETR d"), "550 Is a directory\r\n");
    EXPECT_EQ(h.command("RETR"), "501 RETR needs a file name\r\n");
}

TEST(FtpServerTransfer, eachTransferNeedsAFreshPasv) {
    ServerHarness h;
    h.aliceFiles->writeFile("/f", "abc", 0);
    h.login();
    h.command("PASV");
    h.command("RETR f");
    h.server->dataConnectionOpened();
    h.drain();
    h.take();
    EXPECT_EQ(h.command("RETR f"), "425 Use PORT or PASV first\r\n");
}

TEST(FtpServerTransfer, binaryRetrAndStorKeepAll256ByteValues) {
    ServerHarness h;
    const std::string bytes = allBytes() + allBytes();
    h.aliceFiles->writeFile("/blob.bin", bytes, 0);
    h.login();
    h.command("TYPE I");
    h.command("PASV");
    h.command("RETR blob.bin");
    h.server->dataConnectionOpened();
    h.drain();
    EXPECT_EQ(h.dataOut, bytes);
    h.take();
    h.command("EPSV");
    EXPECT_EQ(h.command("STOR copy.bin"), "150 File status okay; about to open data connection\r\n");
    h.server->dataConnectionOpened();
    h.server->dataReceived(bytes.substr(0, 100));
    EXPECT_EQ(h.upload(bytes.substr(100)), "226 Transfer complete\r\n");
    EXPECT_EQ(h.aliceFiles->readFile("/copy.bin").text(), bytes);
}

TEST(FtpServerTransfer, typeAsciiTurnsLfIntoCrlfOnTheWireAndBack) {
    ServerHarness h;
    h.aliceFiles->writeFile("/text.txt", "one\ntwo\n", 0);
    h.login();
    h.command("TYPE A");
    h.command("PASV");
    h.server->dataConnectionOpened();
    h.drain();
    h.command("RETR text.txt");
    EXPECT_EQ(h.dataOut, "one\r\ntwo\r\n");
    h.command("PASV");
    h.server->dataConnectionOpened();
    h.drain();
    h.command("STOR up.txt");
    h.server->dataReceived("a\r");  // a CRLF split across two segments
    EXPECT_EQ(h.upload("\nb\r\n"), "226 Transfer complete\r\n");
    EXPECT_EQ(h.aliceFiles->readFile("/up.txt").text(), "a\nb\n");
}

TEST(FtpServerTransfer, storOverTheQuotaIs452AndLeavesNoPartialFile) {
    ServerHarness h{10};
    h.aliceFiles->writeFile("/keep", "12345", 0);
    h.login();
    h.command("TYPE I");
    h.command("PASV");
    h.server->dataConnectionOpened();
    h.drain();
    EXPECT_EQ(h.command("STOR big"), "125 data connection already open; transfer starting\r\n");
    h.server->dataReceived("1234");
    h.server->dataReceived("5678");
    EXPECT_EQ(h.upload("90"), "452 Error writing file\r\n");
    EXPECT_FALSE(h.aliceFiles->stat("/big").has_value());
    EXPECT_EQ(h.aliceFiles->usedBytes(), 5u);
    EXPECT_TRUE(h.eventsOf<TransferCompleted>().empty());
    // A file that fits still goes in.
    h.command("PASV");
    h.command("STOR small");
    h.server->dataConnectionOpened();
    EXPECT_EQ(h.upload("12345"), "226 Transfer complete\r\n");
    EXPECT_EQ(h.aliceFiles->usedBytes(), 10u);
}

TEST(FtpServerTransfer, appeOverTheQuotaIs452AndKeepsTheOldContents) {
    ServerHarness h{8};
    h.aliceFiles->writeFile("/log", "12345", 0);
    h.login();
    h.command("TYPE I");
    h.command("PASV");
    h.command("APPE log");
    h.server->dataConnectionOpened();
    EXPECT_EQ(h.upload("6789"), "452 Error writing file\r\n");
    EXPECT_EQ(h.aliceFiles->readFile("/log").text(), "12345");
    h.command("PASV");
    h.command("APPE log");
    h.server->dataConnectionOpened();
    EXPECT_EQ(h.upload("678"), "226 Transfer complete\r\n");
    EXPECT_EQ(h.aliceFiles->readFile("/log").text(), "12345678");
}

TEST(FtpServerTransfer, storToABadNameIs553) {
    ServerHarness h;
    h.aliceFiles->mkdir("/d", 0);
    h.login();
    h.command("PASV");
    h.take();
    EXPECT_EQ(h.command("STOR nowhere/f"), "553 Could not create file: no such directory\r\n");
    EXPECT_EQ(h.command("STOR d"), "553 Could not create file: is a directory\r\n");
    EXPECT_EQ(h.command("STOR /"), "553 File name not allowed\r\n");
    EXPECT_EQ(h.command("STOR " + std::string(300, 'x')), "553 File name not allowed\r\n");
}

TEST(FtpServerTransfer, storCannotWriteOutsideTheRoot) {
    ServerHarness h;
    h.login();
    h.command("TYPE I");
    h.command("PASV");
    h.command("STOR ../../../escape.txt");
    h.server->dataConnectionOpened();
    EXPECT_EQ(h.upload("x"), "226 Transfer complete\r\n");
    EXPECT_EQ(h.aliceFiles->readFile("/escape.txt").text(), "x");
}

TEST(FtpServerTransfer, restartedRetrAndStorUseTheOffset) {
    ServerHarness h;
    h.aliceFiles->writeFile("/f", "0123456789", 0);
    h.login();
    h.command("TYPE I");
    h.command("REST 4");
    h.command("PASV");
    h.command("RETR f");
    h.server->dataConnectionOpened();
    h.drain();
    EXPECT_EQ(h.dataOut, "456789");
    h.take();
    h.command("REST 11");
    h.command("PASV");
    EXPECT_EQ(h.command("RETR f"), "554 Restart position beyond the end of the file\r\n");
    h.command("REST 3");
    h.command("PASV");
    h.command("STOR f");
    h.server->dataConnectionOpened();
    EXPECT_EQ(h.upload("abc"), "226 Transfer complete\r\n");
    EXPECT_EQ(h.aliceFiles->readFile("/f").text(), "012abc");
}

TEST(FtpServerTransfer, listSendsLsLinesAndNlstSendsNames) {
    ServerHarness h;
    h.aliceFiles->mkdir("/pub", 1700000000);
    h.aliceFiles->writeFile("/hello.txt", "hello\n", 1700000000);
    h.login();
    h.command("PASV");
    h.server->dataConnectionOpened();
    h.drain();
    h.command("LIST");
    EXPECT_EQ(h.dataOut,
              "-rw-r--r--    1 ftp      ftp             6 Nov 14 22:13 hello.txt\r\n"
              "drwxr-xr-x    2 ftp      ftp             0 Nov 14 22:13 pub\r\n");
    h.dataOut.clear();
    h.command("PASV");
    h.server->dataConnectionOpened();
    h.drain();
    h.command("NLST -a /");
    EXPECT_EQ(h.dataOut, "hello.txt\r\npub\r\n");
    h.command("PASV");
    EXPECT_EQ(h.command("LIST missing"), "550 No such file or directory\r\n");
}

TEST(FtpServerTransfer, commandsSentDuringATransferWaitForThe226) {
    ServerHarness h;
    h.aliceFiles->writeFile("/f", "abc", 0);
    h.login();
    h.command("PASV");
    EXPECT_EQ(h.send("RETR f\r\nPWD\r\nNOOP\r\n"), "150 File status okay; about to open data connection\r\n");
    h.server->dataConnectionOpened();
    h.drain();
    EXPECT_EQ(h.take(), "226 Transfer complete\r\n257 \"/\" is the current directory\r\n200 NOOP ok\r\n");
}

TEST(FtpServerTransfer, aborDuringAnUploadDiscardsItWith426And226) {
    ServerHarness h;
    h.login();
    h.command("PASV");
    h.command("STOR f");
    h.server->dataConnectionOpened();
    h.server->dataReceived("partial");
    h.drain();
    h.take();
    EXPECT_EQ(h.command("\xff\xf4\xff\xf2" "ABOR"), "426 Connection closed; transfer aborted\r\n226 Abort successful\r\n");
    EXPECT_FALSE(h.aliceFiles->stat("/f").has_value());
    EXPECT_EQ(h.command("ABOR"), "225 No transfer to abort\r\n");
}

TEST(FtpServerTransfer, aDataConnectionLostMidUploadIs426) {
    ServerHarness h;
    h.login();
    h.command("PASV");
    h.command("STOR f");
    h.server->dataConnectionOpened();
    h.server->dataReceived("part");
    h.drain();
    h.take();
    h.server->dataConnectionFailed();
    h.drain();
    EXPECT_EQ(h.take(), "426 Connection closed; transfer aborted\r\n");
    EXPECT_FALSE(h.aliceFiles->stat("/f").has_value());
}

TEST(FtpServerTransfer, aPasvReplacesAnEarlierListener) {
    ServerHarness h;
    h.login();
    h.command("PASV");
    h.events.clear();
    EXPECT_EQ(h.command("PASV"), "227 Entering Passive Mode (10,0,2,1,195,81)\r\n");
    ASSERT_GE(h.events.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<CloseData>(h.events[1]));  // after CommandReceived
}

TEST(FtpServerTransfer, transfersAreReportedAsStartedAndCompleted) {
    ServerHarness h;
    h.aliceFiles->writeFile("/f", "abc", 0);
    h.login();
    h.command("PASV");
    h.command("RETR f");
    h.server->dataConnectionOpened();
    h.drain();
    const auto started = h.eventsOf<TransferStarted>();
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].verb, "RETR");
    EXPECT_EQ(started[0].file, "/f");
    EXPECT_EQ(started[0].bytes, 3u);
    const auto data = h.eventsOf<DataToSend>();
    ASSERT_EQ(data.size(), 1u);
    EXPECT_EQ(data[0].view(), "abc");
    const auto changes = h.eventsOf<DataConnection>();
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].change, DataChange::Listen);
    EXPECT_EQ(changes[1].change, DataChange::Opened);
    EXPECT_EQ(changes[2].change, DataChange::Closed);
}

TEST(FtpServerTransfer, aBinaryRetrSendsTheFileSystemsOwnStringFromTheRestartOffset) {
    ServerHarness h;
    h.aliceFiles->writeFile("/f", "0123456789", 0);
    h.login();
    h.command("TYPE I");
    h.command("REST 4");
    h.command("PASV");
    h.command("RETR f");
    h.server->dataConnectionOpened();
    h.drain();
    const auto data = h.eventsOf<DataToSend>();
    ASSERT_EQ(data.size(), 1u);
    EXPECT_EQ(data[0].bytes.get(), h.aliceFiles->readFile("/f").contents.get()) << "shared, not copied";
    EXPECT_EQ(data[0].offset, 4u);
    EXPECT_EQ(data[0].view(), "456789");
}

TEST(FtpServerTransfer, sizeInBinaryModeDoesNotMakeADescribedFile) {
    ServerHarness h;
    int made = 0;
    h.aliceFiles->writeFile("/big", netstage::vfs::FileContents{5, [&made] {
                                        ++made;
                                        return std::string{"12345"};
                                    }},
                            0);
    h.login();
    h.command("TYPE I");
    EXPECT_EQ(h.command("SIZE big"), "213 5\r\n");
    EXPECT_EQ(made, 0);
}
