// The FTP applications and scenario keys beyond the three scenarios: both
// data-connection modes, timing, firewalls, large files, loss, loader errors.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "simulator/scenario/scenario_error.hpp"
#include "tests/scenario/ftp_test_support.hpp"

using namespace netstage;
using namespace netstage::ftp_test;

namespace {

TEST(FtpWorld, carriesAllByteValuesUnchangedThroughRetrAndStorInPassiveMode) {
    FtpRun run{scenario::loadScenarioText(twoHostScenario("passive", kRoundTrip), "test.yaml")};
    const auto& results = run.client(0).results();
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[1].data.text(), allByteValues(1024));
    EXPECT_EQ(run.files("srv", "u").readFile("/copy.bin").text(), allByteValues(1024));
}

TEST(FtpWorld, opensActiveDataConnectionsFromServerPort20) {
    FtpRun run{scenario::loadScenarioText(twoHostScenario("active", kRoundTrip), "test.yaml")};
    const auto& results = run.client(0).results();
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[1].data.text(), allByteValues(1024));
    EXPECT_EQ(run.files("srv", "u").readFile("/copy.bin").text(), allByteValues(1024));
    const auto data = run.blocks("data");
    ASSERT_EQ(data.size(), 2u);
    for (const auto* block : data) {
        EXPECT_EQ(serverPortOf(*block), 20);
        EXPECT_EQ(block->connection.substr(0, 9), "10.0.1.2:");
    }
    EXPECT_NE(data[0]->connection, data[1]->connection) << "a new client port for every PORT";
}

TEST(FtpWorld, waitsForEachCommandsTimeBeforeSendingIt) {
    const std::string commands = R"(      - {at: 1s, do: login}
      - {at: 5s, do: ls}
)";
    FtpRun run{scenario::loadScenarioText(twoHostScenario("passive", commands), "test.yaml")};
    const auto& results = run.client(0).results();
    ASSERT_EQ(results.size(), 2u);
    EXPECT_LT(results[0].finishedAt, Time::fromSeconds(2));
    EXPECT_GE(results[1].finishedAt, Time::fromSeconds(5));
    for (const auto& e : run.log.of("ftp", "line")) {
        if (field(e, "text") == "PASV") {
            EXPECT_GE(e.time, Time::fromSeconds(5));
        }
    }
}

TEST(FtpWorld, firewallRefusesIncomingConnectionsButLetsTheHostConnectOut) {
    const std::string commands = R"(      - {at: 1s, do: login}
      - {at: 2s, do: ls}
)";
    FtpRun active{scenario::loadScenarioText(twoHostScenario("active", commands, ", accepts_incoming: false"), "t.yaml")};
    ASSERT_EQ(active.client(0).results().size(), 2u);
    EXPECT_TRUE(active.client(0).results()[0].ok) << "the control connection goes out";
    EXPECT_EQ(active.client(0).results()[1].code, 425);
    EXPECT_EQ(active.log.of("firewall", "refused").size(), 1u);

    FtpRun open{scenario::loadScenarioText(twoHostScenario("active", commands), "t.yaml")};
    EXPECT_TRUE(open.client(0).results()[1].ok);
    EXPECT_TRUE(open.log.of("firewall", "refused").empty());
}

TEST(FtpWorld, movesFilesLargerThanTheTcpSendBufferBothWays) {
    const std::string commands = R"(      - {at: 1s, do: login}
      - {at: 1s, do: put, file: big.txt, size: 1000000}
      - {at: 1s, do: get, file: big.txt}
)";
    std::string text = twoHostScenario("active", commands);
    text.replace(text.find("quota: 100000"), 13, "quota: 2000000");
    FtpRun run{scenario::loadScenarioText(text, "t.yaml")};
    const auto& results = run.client(0).results();
    ASSERT_EQ(results.size(), 3u);
    scenario::FtpContentSpec generated{scenario::FtpContentSpec::Kind::GeneratedText, {}, 1000000};
    EXPECT_EQ(run.files("srv", "u").readFile("/big.txt").text(), scenario::ftpContentBytes(generated));
    EXPECT_EQ(results[2].data.text(), scenario::ftpContentBytes(generated));
}

TEST(FtpWorld, deliversFilesIntactOverALossyLinkInBothModes) {
    const std::string commands = R"(      - {at: 1s, do: login}
      - {at: 1s, do: put, file: up.bin, binary: all-byte-values, size: 60000}
      - {at: 1s, do: get, file: up.bin}
)";
    for (const std::string mode : {"passive", "active"}) {
        std::string text = twoHostScenario(mode, commands);
        text.replace(text.find("delay: 5ms"), 10, "delay: 5ms, loss: 10%");
        FtpRun run{scenario::loadScenarioText(text, "t.yaml")};
        const auto& results = run.client(0).results();
        ASSERT_EQ(results.size(), 3u) << mode;
        EXPECT_EQ(run.files("srv", "u").readFile("/up.bin").text(), allByteValues(60000)) << mode;
        EXPECT_EQ(results[2].data.text(), allByteValues(60000)) << mode;
        EXPECT_GT(run.log.lost, 0u) << "the link did lose packets";
    }
}

TEST(FtpWorld, runsTwoActiveModeClientsOnOneHostSideBySide) {
    const std::string commands = R"(      - {at: 1s, do: login}
      - {at: 1s, do: get, file: all.bin}
      - {at: 1s, do: ls}
)";
    std::string text = twoHostScenario("active", commands);
    text += text.substr(text.find("  - host: pc"));
    FtpRun run{scenario::loadScenarioText(text, "t.yaml")};
    ASSERT_EQ(run.world->ftp().clients().size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& results = run.client(i).results();
        ASSERT_EQ(results.size(), 3u);
        for (const auto& r : results) EXPECT_TRUE(r.ok) << i << " " << ftp::toString(r.kind) << " " << r.code;
    }
    std::set<std::string> connections;
    for (const auto* block : run.blocks("data")) connections.insert(block->connection);
    EXPECT_EQ(connections.size(), 4u);
}

TEST(FtpWorld, reportsAControlConnectionTheServersFirewallRefuses) {
    std::string text = twoHostScenario("passive", "      - {at: 1s, do: login}\n");
    text.replace(text.find("role: ftp-server, address: 10.0.2.21"), 36,
                 "role: ftp-server, address: 10.0.2.21, accepts_incoming: false");
    FtpRun run{scenario::loadScenarioText(text, "t.yaml")};
    EXPECT_TRUE(run.client(0).results().empty());
    EXPECT_TRUE(run.client(0).finished());
    const auto failed = run.log.of("ftp", "control-failed");
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(field(failed[0], "reason"), "refused");
    EXPECT_EQ(run.server("srv").sessionsStarted(), 0u);
}

TEST(FtpLoader, reportsUnknownKeysAndBadValuesWithTheirPosition) {
    auto errorOf = [](const std::string& text) -> std::string {
        try {
            scenario::loadScenarioText(text, "bad.yaml");
        } catch (const scenario::ScenarioError& e) {
            return e.what();
        }
        return "no error";
    };
    const std::string login = "      - {at: 1s, do: login}\n";
    EXPECT_NE(errorOf(twoHostScenario("sideways", login)).find("bad.yaml:"), std::string::npos);
    EXPECT_NE(errorOf(twoHostScenario("sideways", login)).find("active or passive"), std::string::npos);
    const std::string unknownKey = errorOf(twoHostScenario("passive", "      - {at: 1s, do: login, speed: 3}\n"));
    EXPECT_NE(unknownKey.find("bad.yaml:23:29:"), std::string::npos) << unknownKey;
    EXPECT_NE(unknownKey.find("speed"), std::string::npos) << unknownKey;
    EXPECT_NE(errorOf(twoHostScenario("passive", "      - {at: 1s, do: mget}\n")).find("login, cd, ls, get or put"),
              std::string::npos);
    EXPECT_NE(errorOf(twoHostScenario("passive", "      - {at: 1s, do: put, file: x}\n")).find("contents"),
              std::string::npos);
    std::string notAServer = twoHostScenario("passive", login);
    notAServer.replace(notAServer.find("server: srv"), 11, "server: pc");
    EXPECT_NE(errorOf(notAServer).find("runs no FTP server"), std::string::npos);
}

TEST(FtpTshark, marksActiveDataConnectionsFromPort20AsPortSetup) {
    const auto path = std::filesystem::path{::testing::TempDir()} / "netstage_ftp_active.pcap";
    scenario::RunOptions options;
    options.pcapPath = path.string();
    scenario::runScenario(scenario::loadScenarioText(twoHostScenario("active", kRoundTrip), "active.yaml"), options);
    const auto problems = runTshark(path, kProblemFilter);
    ASSERT_EQ(problems.exitCode, 0) << problems.errors;
    EXPECT_EQ(problems.output, "") << "frames with problems";
    const auto data = tsharkFields(path, "ftp-data && tcp.len > 0", {"tcp.srcport", "ftp-data.setup-method", "ftp-data.command"});
    ASSERT_FALSE(data.empty());
    bool sawRetr = false;
    bool sawStor = false;
    for (const auto& line : data) {
        EXPECT_NE(line.find("PORT"), std::string::npos) << line;
        sawRetr = sawRetr || line.rfind("20\tPORT\tRETR all.bin", 0) == 0;
        sawStor = sawStor || line.find("\tPORT\tSTOR copy.bin") != std::string::npos;
    }
    EXPECT_TRUE(sawRetr);
    EXPECT_TRUE(sawStor);
}

}  // namespace
