#include <gtest/gtest.h>

#include <string>

#include "tests/protocols/ftp/ftp_harness.hpp"

using netstage::ftp::ClientConfig;
using netstage::ftp::ClientStep;
using netstage::ftp::ProtocolError;
using netstage::ftp::ScriptFinished;
using netstage::ftp::StepFinished;
using netstage::ftp::testing::allBytes;
using netstage::ftp::testing::EnginePair;

namespace {

ClientConfig aliceScript(bool passive, bool extended, std::vector<ClientStep> steps) {
    ClientConfig config;
    config.user = "alice";
    config.password = "secret";
    config.passive = passive;
    config.extended = extended;
    config.activeAddress = {10, 0, 1, 2};
    config.activePort = 40000;
    config.script = std::move(steps);
    return config;
}

std::vector<ClientStep> fullScript() {
    return {ClientStep::login(), ClientStep::cd("pub"), ClientStep::ls(), ClientStep::get("hello.txt"),
            ClientStep::put("up.txt", "uploaded\n")};
}

void seed(EnginePair& pair) {
    pair.aliceFiles->mkdir("/pub", 1700000000);
    pair.aliceFiles->writeFile("/pub/hello.txt", "hello\n", 1700000000);
}

void expectFullScriptWorked(EnginePair& pair) {
    const auto steps = pair.steps();
    ASSERT_EQ(steps.size(), 5u) << pair.transcript;
    for (const auto& step : steps) EXPECT_TRUE(step.ok) << pair.transcript;
    EXPECT_EQ(steps[2].data.text(), "-rw-r--r--    1 ftp      ftp             6 Nov 14 22:13 hello.txt\r\n");
    EXPECT_EQ(steps[3].data.text(), "hello\n");
    EXPECT_EQ(steps[4].code, 226);
    EXPECT_EQ(pair.aliceFiles->readFile("/pub/up.txt").text(), "uploaded\n");
    EXPECT_TRUE(pair.client->closed());
    EXPECT_TRUE(std::holds_alternative<ScriptFinished>(pair.clientEvents.back()));
}

}  // namespace

TEST(FtpEnginePair, aPassiveSessionLogsInListsDownloadsAndUploads) {
    EnginePair pair{aliceScript(true, false, fullScript())};
    seed(pair);
    pair.run();
    expectFullScriptWorked(pair);
    EXPECT_EQ(pair.transcript,
              "S: 220 NetStage FTP server ready\n"
              "C: USER alice\n"
              "S: 331 Username OK, password required\n"
              "C: PASS secret\n"
              "S: 230 Login successful\n"
              "C: TYPE I\n"
              "S: 200 Switching to Binary mode\n"
              "C: CWD pub\n"
              "S: 250 Directory successfully changed\n"
              "C: PASV\n"
              "S: 227 Entering Passive Mode (10,0,2,1,195,80)\n"
              "C: LIST\n"
              "S: 125 data connection already open; transfer starting\n"
              "S: 226 Transfer complete\n"
              "C: PASV\n"
              "S: 227 Entering Passive Mode (10,0,2,1,195,81)\n"
              "C: RETR hello.txt\n"
              "S: 125 data connection already open; transfer starting\n"
              "S: 226 Transfer complete\n"
              "C: PASV\n"
              "S: 227 Entering Passive Mode (10,0,2,1,195,82)\n"
              "C: STOR up.txt\n"
              "S: 125 data connection already open; transfer starting\n"
              "S: 226 Transfer complete\n"
              "C: QUIT\n"
              "S: 221 Goodbye\n");
}

TEST(FtpEnginePair, anActiveSessionDoesTheSameWithPort) {
    EnginePair pair{aliceScript(false, false, fullScript())};
    seed(pair);
    pair.run();
    expectFullScriptWorked(pair);
    EXPECT_NE(pair.transcript.find("C: PORT 10,0,1,2,156,64\nS: 200 PORT command successful\nC: LIST\n"
                                   "S: 150 File status okay; about to open data connection\n"),
              std::string::npos)
        << pair.transcript;
}

TEST(FtpEnginePair, extendedModesUseEpsvAndEprt) {
    EnginePair passive{aliceScript(true, true, fullScript())};
    seed(passive);
    passive.run();
    expectFullScriptWorked(passive);
    EXPECT_NE(passive.transcript.find("C: EPSV\nS: 229 Entering Extended Passive Mode (|||50000|)\n"),
              std::string::npos);
    EnginePair active{aliceScript(false, true, fullScript())};
    seed(active);
    active.run();
    expectFullScriptWorked(active);
    EXPECT_NE(active.transcript.find("C: EPRT |1|10.0.1.2|40000|\nS: 200 EPRT command successful\n"),
              std::string::npos);
}

TEST(FtpEnginePair, aBinaryFileWithEveryByteValueSurvivesPutAndGet) {
    const std::string bytes = allBytes();
    EnginePair pair{aliceScript(true, false, {ClientStep::login(), ClientStep::put("all.bin", bytes),
                                              ClientStep::get("all.bin")})};
    pair.run();
    const auto steps = pair.steps();
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_TRUE(steps[1].ok);
    EXPECT_EQ(pair.aliceFiles->readFile("/all.bin").text(), bytes);
    EXPECT_TRUE(steps[2].ok);
    EXPECT_EQ(steps[2].data.text(), bytes);
    EXPECT_EQ(pair.serverDataWire, bytes);
}

TEST(FtpEnginePair, aWrongPasswordFailsLoginAndLaterStepsGet530) {
    ClientConfig config = aliceScript(true, false, {ClientStep::login(), ClientStep::ls()});
    config.password = "wrong";
    EnginePair pair{config};
    pair.run();
    const auto steps = pair.steps();
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_FALSE(steps[0].ok);
    EXPECT_EQ(steps[0].code, 530);
    EXPECT_FALSE(steps[1].ok);
    EXPECT_EQ(steps[1].code, 530);
    EXPECT_TRUE(pair.client->closed());
}

TEST(FtpEnginePair, aFailedActiveDataConnectionIsReportedAs425) {
    EnginePair pair{aliceScript(false, false, {ClientStep::login(), ClientStep::get("f"), ClientStep::cd("/")})};
    pair.aliceFiles->writeFile("/f", "x", 0);
    pair.failServerConnect = true;
    pair.run();
    const auto steps = pair.steps();
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_FALSE(steps[1].ok);
    EXPECT_EQ(steps[1].code, 425);
    EXPECT_NE(pair.transcript.find("S: 425 Can't open data connection\n"), std::string::npos);
    EXPECT_TRUE(steps[2].ok);  // the session goes on
}

TEST(FtpEnginePair, anUploadOverTheQuotaIsReportedAs452) {
    EnginePair pair{aliceScript(true, false, {ClientStep::login(), ClientStep::put("big", std::string(100, 'x')),
                                              ClientStep::put("small", "ok")}),
                    10};
    pair.run();
    const auto steps = pair.steps();
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_FALSE(steps[1].ok);
    EXPECT_EQ(steps[1].code, 452);
    EXPECT_FALSE(pair.aliceFiles->stat("/big").has_value());
    EXPECT_TRUE(steps[2].ok);
    EXPECT_EQ(pair.aliceFiles->readFile("/small").text(), "ok");
}

TEST(FtpEnginePair, aMissingFileIsReportedAs550) {
    EnginePair pair{aliceScript(true, false, {ClientStep::login(), ClientStep::get("none")})};
    pair.run();
    const auto steps = pair.steps();
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_FALSE(steps[1].ok);
    EXPECT_EQ(steps[1].code, 550);
    EXPECT_TRUE(pair.client->closed());
}

TEST(FtpEnginePair, noProtocolErrorsInANormalSession) {
    EnginePair pair{aliceScript(true, true, fullScript())};
    seed(pair);
    pair.run();
    for (const auto& event : pair.clientEvents) EXPECT_FALSE(std::holds_alternative<ProtocolError>(event));
    for (const auto& event : pair.serverEvents) EXPECT_FALSE(std::holds_alternative<netstage::ftp::ProtocolError>(event));
}
