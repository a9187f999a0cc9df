// FTP files far larger than TCP's send buffer, over a lossy link: each one
// arrives intact, exactly once, in both directions. The server sends a
// download straight from its file system's string (simulator/apps/send_queue.hpp).
#include <gtest/gtest.h>

#include <string>

#include "tests/scenario/ftp_test_support.hpp"

using namespace netstage;
using namespace netstage::ftp_test;

namespace {

constexpr std::size_t kFiftyMegabytes = 50'000'000;

// A server holding a 50 MB file, and a client that gets it and puts a 50 MB file back, 1% loss each way.
std::string fiftyMegabyteScenario(const std::string& mode) {
    const std::string size = std::to_string(kFiftyMegabytes);
    return R"(
title: fifty megabytes
seed: 3
hosts:
  - {name: pc, address: 10.0.1.2}
  - {name: srv, role: ftp-server, address: 10.0.2.21}
links:
  - {between: [pc, srv], rate: 1Gbps, delay: 1ms, loss: 1%}
ftp_servers:
  - host: srv
    users:
      - name: u
        password: p
        files:
          - {path: large.bin, binary: all-byte-values, size: )" + size + R"(}
ftp_clients:
  - host: pc
    server: srv
    user: u
    password: p
    mode: )" + mode + R"(
    commands:
      - {at: 1s, do: login}
      - {at: 1s, do: get, file: large.bin}
      - {at: 1s, do: put, file: up.txt, size: )" + size + R"(}
)";
}

std::size_t transfersEnded(const FtpRun& run, const std::string& verb) {
    std::size_t n = 0;
    for (const auto& e : run.log.of("ftp", "transfer-end")) n += field(e, "verb") == verb ? 1 : 0;
    return n;
}

void expectBothWaysIntact(const std::string& mode) {
    FtpRun run{scenario::loadScenarioText(fiftyMegabyteScenario(mode), "large.yaml")};
    EXPECT_GT(run.log.lost, 0u) << "the link lost packets";
    const auto& results = run.client(0).results();
    ASSERT_EQ(results.size(), 3u);
    EXPECT_TRUE(results[1].ok);
    EXPECT_TRUE(results[2].ok);
    EXPECT_EQ(transfersEnded(run, "RETR"), 1u);
    EXPECT_EQ(transfersEnded(run, "STOR"), 1u);

    ASSERT_EQ(results[1].data.size(), kFiftyMegabytes);
    EXPECT_TRUE(results[1].data == allByteValues(kFiftyMegabytes)) << "RETR delivers every octet in order";

    const auto stored = run.files("srv", "u").readFile("/up.txt");
    ASSERT_TRUE(stored.ok());
    scenario::FtpContentSpec generated{scenario::FtpContentSpec::Kind::GeneratedText, {}, kFiftyMegabytes};
    ASSERT_EQ(stored.text().size(), kFiftyMegabytes);
    EXPECT_TRUE(stored.text() == scenario::ftpContentBytes(generated)) << "STOR stores every octet in order";
}

}  // namespace

TEST(FtpLargeFile, aFiftyMegabyteFileIsRetrievedAndStoredIntactUnderLossInPassiveMode) { expectBothWaysIntact("passive"); }

TEST(FtpLargeFile, aFiftyMegabyteFileIsRetrievedAndStoredIntactUnderLossInActiveMode) { expectBothWaysIntact("active"); }
