// Lets Wireshark judge our capture: an independent dissector must find every
// checksum right, no TCP analysis warning, and the SMTP replies where they
// belong.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "simulator/trace/pcap_writer.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/tshark.hpp"
#include "tests/trace/synthetic_run.hpp"

namespace netstage::trace {
namespace {

std::filesystem::path writeCapture(const TraceLog& log, const std::string& name) {
    const std::filesystem::path path = test_support::programTempDir().file(name);
    std::ofstream out{path, std::ios::binary};
    PcapWriter writer{out};
    replay(log, writer);
    return path;
}

// The check the project applies to every capture it produces.
const std::vector<std::string> problemFilter{
    "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-Y",
    "(tcp.analysis.flags && !tcp.analysis.window_update) || tcp.checksum.status==0 || "
    "ip.checksum.status==0 || tcp.ack.nonzero || _ws.malformed",
    "-T", "fields", "-e", "frame.number"};

TEST(PcapTshark, findsNoChecksumOrTcpAnalysisProblemInAnSmtpSession) {
    const auto path = writeCapture(testing_support::smtpConversation(), "netstage_smtp_session.pcap");
    const auto result = test_support::runTshark(path, problemFilter);
    ASSERT_EQ(result.exitCode, 0) << result.errors;
    EXPECT_EQ(result.output, "") << "frames with problems";
}

TEST(PcapTshark, theProblemCheckDoesFlagABrokenSequence) {
    // Guard against a check that cannot fail: skip 100 bytes of sequence
    // space in the greeting and Wireshark must notice.
    TraceLog log = testing_support::smtpConversation();
    for (Record& r : log.records) {
        auto* p = std::get_if<PacketRecord>(&r);
        if (p && p->packet.payload.size() == 19) p->packet.tcp()->sequence += 100;
    }
    const auto path = writeCapture(log, "netstage_smtp_broken.pcap");
    const auto result = test_support::runTshark(path, problemFilter);
    ASSERT_EQ(result.exitCode, 0) << result.errors;
    EXPECT_FALSE(test_support::outputLines(result).empty());
}

TEST(PcapTshark, decodesTheSmtpReplies) {
    const auto path = writeCapture(testing_support::smtpConversation(), "netstage_smtp_replies.pcap");
    const auto result = test_support::runTshark(path, {"-Y", "smtp", "-T", "fields", "-e", "smtp.response.code"});
    ASSERT_EQ(result.exitCode, 0) << result.errors;
    EXPECT_EQ(test_support::outputLines(result), (std::vector<std::string>{"220", "250", "221"}));
}

TEST(PcapTshark, seesEveryPacketOnceWithTheRightTimestamps) {
    const auto path = writeCapture(testing_support::smtpConversation(), "netstage_smtp_times.pcap");
    const auto result = test_support::runTshark(path, {"-T", "fields", "-e", "frame.time_epoch", "-e", "tcp.flags.str"});
    ASSERT_EQ(result.exitCode, 0) << result.errors;
    const auto lines = test_support::outputLines(result);
    ASSERT_EQ(lines.size(), 12u);
    // As received (sent at 1 ms, 0.5 ms on the way), on the world's date: 2020-02-20T09:00:00Z.
    EXPECT_EQ(lines.front().substr(0, lines.front().find('\t')), "1582189200.001500000");
    EXPECT_EQ(lines[1].substr(0, lines[1].find('\t')), "1582189200.003250000");
}

TEST(PcapTshark, reportsAMissingCaptureAsAFailure) {
    const auto result = test_support::runTshark("/nonexistent/netstage.pcap", {});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_FALSE(result.errors.empty());
}

}  // namespace
}  // namespace netstage::trace
