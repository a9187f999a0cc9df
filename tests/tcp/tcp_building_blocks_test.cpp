// The parts a connection is built from: sequence arithmetic, the state
// table, the RTT estimator, Reno, the byte queue and the reassembly queue.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "simulator/tcp/byte_queue.hpp"
#include "simulator/tcp/congestion_control.hpp"
#include "simulator/tcp/reassembly_queue.hpp"
#include "simulator/tcp/rtt_estimator.hpp"
#include "simulator/tcp/sequence_number.hpp"
#include "simulator/tcp/tcp_state.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::tcp {
namespace {

using namespace netstage::time_literals;

TEST(SequenceNumber, comparesAcrossTheWrap) {
    EXPECT_TRUE(sequenceLess(0xFFFFFFF0u, 0x10u));
    EXPECT_TRUE(sequenceGreater(0x10u, 0xFFFFFFF0u));
    EXPECT_TRUE(sequenceLessEqual(5u, 5u));
    EXPECT_FALSE(sequenceLess(5u, 5u));
    EXPECT_EQ(sequenceDistance(0xFFFFFFFFu, 1u), 2);
}

TEST(TcpState, namesStatesAsTheRfcDoes) {
    EXPECT_EQ(toString(TcpState::SynSent), "SYN-SENT");
    EXPECT_EQ(toString(TcpState::FinWait2), "FIN-WAIT-2");
    EXPECT_EQ(toString(TcpState::TimeWait), "TIME-WAIT");
}

TEST(TcpState, tableHoldsTheRfcDiagramAndNothingElse) {
    EXPECT_TRUE(isValidTransition(TcpState::SynSent, TcpState::Established));
    EXPECT_TRUE(isValidTransition(TcpState::FinWait1, TcpState::Closing));
    EXPECT_TRUE(isValidTransition(TcpState::TimeWait, TcpState::Closed));
    EXPECT_FALSE(isValidTransition(TcpState::Closed, TcpState::Established));
    EXPECT_FALSE(isValidTransition(TcpState::FinWait2, TcpState::Established));
    EXPECT_FALSE(isValidTransition(TcpState::TimeWait, TcpState::Established));
    for (const auto& transition : kTcpTransitions) EXPECT_NE(transition.from, transition.to);
}

std::string mermaidName(TcpState state) {
    std::string name{toString(state)};
    for (char& c : name) c = c == '-' ? '_' : c;
    return name;
}

TEST(TcpState, documentedDiagramMatchesTheTable) {
    std::istringstream file{test_support::readSourceFile("docs/tcp.md")};
    std::vector<std::string> documented;
    std::string line;
    while (std::getline(file, line)) {
        if (line.find(" --> ") != std::string::npos) documented.push_back(line);
    }
    std::vector<std::string> expected;
    for (const auto& t : kTcpTransitions) {
        std::string cause{t.cause};
        for (std::size_t at = cause.find(':'); at != std::string::npos; at = cause.find(':')) cause.replace(at, 1, " /");
        expected.push_back("    " + mermaidName(t.from) + " --> " + mermaidName(t.to) + " : " + cause);
    }
    EXPECT_EQ(documented, expected);
}

TEST(RttEstimator, startsAtTheInitialRto) {
    const RttEstimator rtt{1_s, 200_ms, 60_s};
    EXPECT_EQ(rtt.rto(), 1_s);
    EXPECT_FALSE(rtt.hasSample());
}

TEST(RttEstimator, firstSampleSetsSrttAndHalfVariance) {
    RttEstimator rtt{1_s, 200_ms, 60_s};
    rtt.addSample(100_ms);
    EXPECT_EQ(rtt.smoothedRtt(), 100_ms);
    EXPECT_EQ(rtt.rttVariation(), 50_ms);
    EXPECT_EQ(rtt.rto(), 300_ms);  // 100 + 4 * 50
}

TEST(RttEstimator, laterSamplesUseTheRfc6298Gains) {
    RttEstimator rtt{1_s, 200_ms, 60_s};
    rtt.addSample(100_ms);
    rtt.addSample(200_ms);
    // RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 62.5; SRTT = 7/8 * 100 + 1/8 * 200 = 112.5
    EXPECT_EQ(rtt.rttVariation(), Time::fromMicroseconds(62'500));
    EXPECT_EQ(rtt.smoothedRtt(), Time::fromMicroseconds(112'500));
    EXPECT_EQ(rtt.rto(), Time::fromMicroseconds(362'500));
}

TEST(RttEstimator, neverGoesBelowMinRto) {
    RttEstimator rtt{1_s, 200_ms, 60_s};
    for (int i = 0; i < 50; ++i) rtt.addSample(1_ms);
    EXPECT_EQ(rtt.rto(), 200_ms);
}

TEST(RttEstimator, backoffDoublesUpToMaxRto) {
    RttEstimator rtt{1_s, 200_ms, 60_s};
    std::vector<Time> seen;
    for (int i = 0; i < 8; ++i) {
        rtt.backoff();
        seen.push_back(rtt.rto());
    }
    EXPECT_EQ(seen, (std::vector<Time>{2_s, 4_s, 8_s, 16_s, 32_s, 60_s, 60_s, 60_s}));
}

TEST(RenoCongestionControl, initialWindowFollowsRfc5681) {
    EXPECT_EQ(RenoCongestionControl::initialWindow(1460), 4380u);
    EXPECT_EQ(RenoCongestionControl::initialWindow(536), 2144u);
    EXPECT_EQ(RenoCongestionControl::initialWindow(4000), 8000u);
}

TEST(RenoCongestionControl, slowStartGrowsOneMssPerAck) {
    RenoCongestionControl reno{1000};
    EXPECT_EQ(reno.window(), 4000u);
    reno.onNewAck(1000);
    reno.onNewAck(1000);
    EXPECT_EQ(reno.window(), 6000u);
    reno.onNewAck(5000);  // at most one MSS per ACK (RFC 5681 section 3.1)
    EXPECT_EQ(reno.window(), 7000u);
}

TEST(RenoCongestionControl, congestionAvoidanceGrowsAboutOneMssPerWindow) {
    RenoCongestionControl reno{1000};
    reno.onTimeout(20000);  // ssthresh 10000, cwnd 1000
    EXPECT_EQ(reno.slowStartThreshold(), 10000u);
    EXPECT_EQ(reno.window(), 1000u);
    while (reno.window() < 10000) reno.onNewAck(1000);
    const auto start = reno.window();
    for (int i = 0; i < 10; ++i) reno.onNewAck(1000);
    EXPECT_GT(reno.window(), start + 800);
    EXPECT_LT(reno.window(), start + 1100);
}

TEST(RenoCongestionControl, fastRecoveryInflatesThenDeflates) {
    RenoCongestionControl reno{1000};
    for (int i = 0; i < 10; ++i) reno.onNewAck(1000);  // cwnd 13000
    reno.onFastRetransmit(12000);
    EXPECT_TRUE(reno.inFastRecovery());
    EXPECT_EQ(reno.slowStartThreshold(), 6000u);
    EXPECT_EQ(reno.window(), 9000u);
    reno.onDuplicateAck();
    EXPECT_EQ(reno.window(), 10000u);
    reno.onNewAck(1000);
    EXPECT_FALSE(reno.inFastRecovery());
    EXPECT_EQ(reno.window(), 6000u);
}

TEST(RenoCongestionControl, timeoutFallsBackToOneSegment) {
    RenoCongestionControl reno{1000};
    reno.onTimeout(3000);
    EXPECT_EQ(reno.window(), 1000u);
    EXPECT_EQ(reno.slowStartThreshold(), 2000u);  // never below 2 MSS
}

std::vector<std::uint8_t> iota(std::size_t size) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<std::uint8_t>(i * 13 + (i >> 8));
    return bytes;
}

TEST(ByteQueue, copiesAnyRangeAcrossChunks) {
    ByteQueue queue;
    const auto bytes = iota(3 * ByteQueue::chunkSize + 123);
    queue.append(std::span{bytes}.first(1000));
    queue.append(std::span{bytes}.subspan(1000));
    ASSERT_EQ(queue.size(), bytes.size());
    for (const std::size_t offset : {std::size_t{0}, ByteQueue::chunkSize - 5, 2 * ByteQueue::chunkSize + 7}) {
        std::vector<std::uint8_t> out(ByteQueue::chunkSize + 10);
        queue.copyOut(offset, out.size(), out.data());
        EXPECT_TRUE(std::equal(out.begin(), out.end(), bytes.begin() + static_cast<std::ptrdiff_t>(offset)));
    }
}

TEST(ByteQueue, consumingKeepsTheRestInOrder) {
    ByteQueue queue;
    const auto bytes = iota(2 * ByteQueue::chunkSize + 50);
    queue.append(bytes);
    std::size_t consumed = 0;
    for (const std::size_t step : {std::size_t{10}, ByteQueue::chunkSize, std::size_t{1}, ByteQueue::chunkSize}) {
        queue.consume(step);
        consumed += step;
        std::vector<std::uint8_t> out(queue.size());
        queue.copyOut(0, out.size(), out.data());
        EXPECT_TRUE(std::equal(out.begin(), out.end(), bytes.begin() + static_cast<std::ptrdiff_t>(consumed)));
        ASSERT_FALSE(queue.front().empty());
        EXPECT_EQ(queue.front()[0], bytes[consumed]);
    }
    queue.consume(queue.size());
    EXPECT_TRUE(queue.empty());
    EXPECT_TRUE(queue.front().empty());
    queue.append(std::span{bytes}.first(3));
    EXPECT_EQ(queue.front().size(), 3u);
}

TEST(ByteQueue, rejectsReadsPastTheEnd) {
    ByteQueue queue;
    queue.append(iota(10));
    std::vector<std::uint8_t> out(11);
    EXPECT_THROW(queue.copyOut(0, 11, out.data()), std::out_of_range);
    EXPECT_THROW(queue.consume(11), std::out_of_range);
}

TEST(ReassemblyQueue, drainsContiguousBytesOnceEach) {
    ReassemblyQueue queue;
    const auto bytes = iota(100);
    queue.insert(30, std::span{bytes}.subspan(30, 20));
    queue.insert(10, std::span{bytes}.subspan(10, 10));
    queue.insert(15, std::span{bytes}.subspan(15, 20));  // overlaps both
    queue.insert(10, std::span{bytes}.subspan(10, 5));   // shorter duplicate
    queue.insert(70, std::span{bytes}.subspan(70, 10));  // beyond a gap
    std::vector<std::uint8_t> out;
    auto sink = [&out](std::span<const std::uint8_t> piece) { out.insert(out.end(), piece.begin(), piece.end()); };
    EXPECT_EQ(queue.drain(0, sink), 0u);  // nothing at 0 yet
    EXPECT_EQ(queue.drain(10, sink), 50u);
    EXPECT_EQ(out, std::vector<std::uint8_t>(bytes.begin() + 10, bytes.begin() + 50));
    EXPECT_EQ(queue.segmentCount(), 1u);
    EXPECT_EQ(queue.bytes(), 10u);
}

}  // namespace
}  // namespace netstage::tcp
