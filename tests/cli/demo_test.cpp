#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/bulk_transfer_demo.hpp"
#include "tests/support/tshark.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::cli;

namespace {

std::filesystem::path tempFile(const std::string& name) {
    return test_support::programTempDir().file(name);
}

using test_support::slurp;

}  // namespace

TEST(Demo, theSummarySaysOneTimeoutAndOneFastRetransmitInTheSingular) {
    DemoOptions options;
    DemoResult result;
    result.retransmissions = 2;
    result.timeouts = 1;
    result.fastRetransmits = 1;
    const std::string text = formatDemoSummary(options, result);
    EXPECT_NE(text.find("retransmissions:   2 (1 timeout, 1 fast retransmit)\n"), std::string::npos) << text;
    result.timeouts = 2;
    result.fastRetransmits = 0;
    EXPECT_NE(formatDemoSummary(options, result).find("retransmissions:   2 (2 timeouts, 0 fast retransmits)\n"),
              std::string::npos);
}

TEST(Demo, deliversEveryByteIntactOnACleanPath) {
    DemoOptions options;
    options.bytes = 200'000;
    const DemoResult result = runBulkTransferDemo(options);
    EXPECT_TRUE(result.intact);
    EXPECT_EQ(result.bytesDelivered, 200'000u);
    EXPECT_EQ(result.retransmissions, 0u);
    EXPECT_GT(result.transferDone, Time::zero());
    EXPECT_GT(result.end, result.transferDone);  // TIME-WAIT follows the transfer
}

TEST(Demo, sameSeedGivesTheSameFingerprintAndIdenticalTraceFiles) {
    DemoOptions options;
    options.bytes = 100'000;
    options.seed = 1;
    options.tracePath = tempFile("a.trace.jsonl").string();
    options.pcapPath = tempFile("a.pcap").string();
    const DemoResult first = runBulkTransferDemo(options);
    const std::string firstTrace = slurp(*options.tracePath);
    const std::string firstPcap = slurp(*options.pcapPath);

    options.tracePath = tempFile("b.trace.jsonl").string();
    options.pcapPath = tempFile("b.pcap").string();
    const DemoResult second = runBulkTransferDemo(options);
    EXPECT_EQ(first.fingerprint, second.fingerprint);
    EXPECT_EQ(first.events, second.events);
    EXPECT_FALSE(firstTrace.empty());
    EXPECT_EQ(firstTrace, slurp(*options.tracePath));
    EXPECT_EQ(firstPcap, slurp(*options.pcapPath));
}

TEST(Demo, aDifferentSeedUnderLossChangesTheRun) {
    DemoOptions options;
    options.bytes = 100'000;
    options.loss = 0.05;
    options.seed = 1;
    const auto a = runBulkTransferDemo(options);
    options.seed = 2;
    const auto b = runBulkTransferDemo(options);
    EXPECT_NE(a.fingerprint, b.fingerprint);
}

TEST(Demo, withLossEveryByteStillArrivesAndRetransmissionsAreCounted) {
    for (std::uint64_t seed : {1, 2, 3}) {
        DemoOptions options;
        options.bytes = 300'000;
        options.loss = 0.05;
        options.seed = seed;
        const DemoResult result = runBulkTransferDemo(options);
        EXPECT_TRUE(result.intact) << "seed " << seed;
        EXPECT_EQ(result.bytesDelivered, 300'000u) << "seed " << seed;
        EXPECT_GT(result.retransmissions, 0u) << "seed " << seed;
    }
}

TEST(Demo, tsharkReadsTheCleanCaptureWithoutAnyComplaint) {
    DemoOptions options;
    options.bytes = 200'000;
    options.pcapPath = tempFile("clean.pcap").string();
    ASSERT_TRUE(runBulkTransferDemo(options).intact);
    const auto anomalies = test_support::runTshark(
        *options.pcapPath,
        {"-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-Y",
         "(tcp.analysis.flags && !tcp.analysis.window_update) || tcp.checksum.status==0 || ip.checksum.status==0 || "
         "tcp.ack.nonzero || _ws.malformed",
         "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message"});
    ASSERT_EQ(anomalies.exitCode, 0) << anomalies.errors;
    EXPECT_EQ(anomalies.output, "");
    // One stream, opened, carrying data and closed by FIN: completeness 31.
    const auto completeness = test_support::runTshark(*options.pcapPath, {"-2", "-T", "fields", "-e", "tcp.completeness"});
    ASSERT_EQ(completeness.exitCode, 0) << completeness.errors;
    const auto lines = test_support::outputLines(completeness);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.back(), "31");
}

TEST(Demo, tsharkFlagsRetransmissionsOnlyWhereTheRunReallyLostSegments) {
    DemoOptions options;
    options.bytes = 200'000;
    options.loss = 0.05;
    options.seed = 4;
    options.pcapPath = tempFile("lossy.pcap").string();
    const DemoResult result = runBulkTransferDemo(options);
    ASSERT_TRUE(result.intact);
    ASSERT_GT(result.retransmissions, 0u);
    // Checksums and framing stay clean under loss.
    const auto broken = test_support::runTshark(
        *options.pcapPath, {"-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-Y",
                            "tcp.checksum.status==0 || ip.checksum.status==0 || tcp.ack.nonzero || _ws.malformed", "-T",
                            "fields", "-e", "frame.number"});
    ASSERT_EQ(broken.exitCode, 0) << broken.errors;
    EXPECT_EQ(broken.output, "");
    // Every segment tshark calls a retransmission really was one of ours.
    const auto flagged = test_support::runTshark(
        *options.pcapPath, {"-Y", "tcp.analysis.retransmission || tcp.analysis.fast_retransmission", "-T", "fields", "-e",
                            "frame.number"});
    ASSERT_EQ(flagged.exitCode, 0) << flagged.errors;
    const auto flaggedCount = test_support::outputLines(flagged).size();
    EXPECT_GT(flaggedCount, 0u);
    EXPECT_LE(flaggedCount, result.retransmissions);
}
