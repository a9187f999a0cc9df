// Fault injection: drop, duplicate or delay the i-th segment on the wire, for
// each i, and check that every byte still arrives exactly once and in order.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tcp_test_network.hpp"

namespace netstage::tcp {
namespace {

using namespace netstage::time_literals;
using testing::Fate;
using testing::serverAddress;
using testing::TestNetwork;
using testing::TransferResult;
using testing::WireDecision;

constexpr std::size_t kShortTransfer = 20 * 1024;

void expectCleanTransfer(const TransferResult& result, std::size_t size, const std::string& label) {
    EXPECT_EQ(result.received.size(), size) << label;
    EXPECT_TRUE(result.received == testing::patternBytes(size)) << label;
    EXPECT_TRUE(result.serverSawPeerClose) << label;
    EXPECT_TRUE(result.clientClosed) << label;
    EXPECT_TRUE(result.serverClosed) << label;
    EXPECT_EQ(result.clientErrors, 0) << label;
    EXPECT_EQ(result.serverErrors, 0) << label;
}

std::size_t segmentsInCleanTransfer() {
    TestNetwork network;
    TransferResult result;
    testing::runTransfer(network, kShortTransfer, result);
    expectCleanTransfer(result, kShortTransfer, "clean");
    return network.segmentsOnWire;
}

TEST(TcpFaultInjection, cleanTransferNeedsNoRetransmission) {
    TestNetwork network;
    TransferResult result;
    testing::runTransfer(network, kShortTransfer, result);
    expectCleanTransfer(result, kShortTransfer, "clean");
    EXPECT_EQ(network.client->totals().retransmissions, 0u);
    EXPECT_EQ(network.server->totals().retransmissions, 0u);
    EXPECT_EQ(network.client->connectionCount(), 0u);
    EXPECT_EQ(network.server->connectionCount(), 0u);
    EXPECT_GT(network.segmentsOnWire, 20u);
}

TEST(TcpFaultInjection, losingAnySingleSegmentStillDeliversEveryByteOnce) {
    const std::size_t total = segmentsInCleanTransfer();
    for (std::size_t lost = 0; lost < total; ++lost) {
        TestNetwork network;
        network.hook = [lost](const Packet&, std::size_t index) {
            return WireDecision{index == lost ? Fate::Drop : Fate::Deliver, {}};
        };
        TransferResult result;
        testing::runTransfer(network, kShortTransfer, result);
        expectCleanTransfer(result, kShortTransfer, "lost segment " + std::to_string(lost));
        EXPECT_EQ(network.client->connectionCount(), 0u) << lost;
        EXPECT_EQ(network.server->connectionCount(), 0u) << lost;
    }
}

TEST(TcpFaultInjection, duplicatingAnySingleSegmentIsHarmless) {
    const std::size_t total = segmentsInCleanTransfer();
    for (std::size_t copied = 0; copied < total; ++copied) {
        TestNetwork network;
        network.hook = [copied](const Packet&, std::size_t index) {
            return WireDecision{index == copied ? Fate::Duplicate : Fate::Deliver, {}};
        };
        TransferResult result;
        testing::runTransfer(network, kShortTransfer, result);
        expectCleanTransfer(result, kShortTransfer, "duplicated segment " + std::to_string(copied));
        EXPECT_EQ(network.client->totals().timeouts, 0u) << copied;
    }
}

TEST(TcpFaultInjection, delayingAnySingleSegmentPastOthersIsHarmless) {
    const std::size_t total = segmentsInCleanTransfer();
    for (std::size_t late = 0; late < total; ++late) {
        TestNetwork network;
        network.hook = [late](const Packet&, std::size_t index) {
            return index == late ? WireDecision{Fate::Delay, 15_ms} : WireDecision{};
        };
        TransferResult result;
        testing::runTransfer(network, kShortTransfer, result);
        expectCleanTransfer(result, kShortTransfer, "delayed segment " + std::to_string(late));
    }
}

TEST(TcpFaultInjection, lostSynIsRetransmittedAfterTheInitialRto) {
    TestNetwork network;
    network.hook = [](const Packet&, std::size_t index) { return WireDecision{index == 0 ? Fate::Drop : Fate::Deliver, {}}; };
    TransferResult result;
    testing::runTransfer(network, kShortTransfer, result);
    expectCleanTransfer(result, kShortTransfer, "lost SYN");
    EXPECT_EQ(network.wire[1].header.flags, tcp_flags::syn);
    EXPECT_EQ(network.wire[1].time, 1_s);
    EXPECT_EQ(network.sink.timeEntered("client", "ESTABLISHED"), 1_s + 20_ms);
    const auto retransmits = network.sink.ofType("retransmit");
    ASSERT_FALSE(retransmits.empty());
    EXPECT_EQ(testing::fieldString(*retransmits.front(), "reason"), "timeout");
}

TEST(TcpFaultInjection, lostSynAckIsRecoveredByTheRetransmittedSyn) {
    TestNetwork network;
    network.hook = [](const Packet&, std::size_t index) { return WireDecision{index == 1 ? Fate::Drop : Fate::Deliver, {}}; };
    TransferResult result;
    testing::runTransfer(network, kShortTransfer, result);
    expectCleanTransfer(result, kShortTransfer, "lost SYN-ACK");
    EXPECT_EQ(network.wire[1].header.flags, tcp_flags::syn | tcp_flags::ack);
    EXPECT_EQ(network.sink.timeEntered("client", "ESTABLISHED"), 1_s + 20_ms);
}

TEST(TcpFaultInjection, lostFinIsRetransmitted) {
    TestNetwork clean;
    TransferResult cleanResult;
    testing::runTransfer(clean, kShortTransfer, cleanResult);
    std::size_t finIndex = 0;
    for (std::size_t i = 0; i < clean.wire.size(); ++i) {
        if (clean.wire[i].fromClient && clean.wire[i].header.has(tcp_flags::fin)) finIndex = i;
    }
    ASSERT_GT(finIndex, 0u);
    TestNetwork network;
    network.hook = [finIndex](const Packet&, std::size_t index) {
        return WireDecision{index == finIndex ? Fate::Drop : Fate::Deliver, {}};
    };
    TransferResult result;
    testing::runTransfer(network, kShortTransfer, result);
    expectCleanTransfer(result, kShortTransfer, "lost FIN");
    std::size_t clientFins = 0;
    for (const auto& record : network.wire) clientFins += record.fromClient && record.header.has(tcp_flags::fin);
    EXPECT_EQ(clientFins, 2u);
    EXPECT_EQ(network.client->totals().timeouts, 1u);
}

TEST(TcpFaultInjection, threeDuplicateAcksTriggerOneFastRetransmit) {
    TestNetwork network;
    std::size_t dataSegments = 0;
    network.hook = [&dataSegments](const Packet& packet, std::size_t) {
        if (packet.payload.empty()) return WireDecision{};
        return WireDecision{++dataSegments == 30 ? Fate::Drop : Fate::Deliver, {}};
    };
    TransferResult result;
    testing::runTransfer(network, 200 * 1024, result);
    expectCleanTransfer(result, 200 * 1024, "fast retransmit");
    const TcpStats client = network.client->totals();
    EXPECT_EQ(client.fastRetransmits, 1u);
    EXPECT_EQ(client.timeouts, 0u);
    EXPECT_GE(client.duplicateAcks, 3u);
    const auto retransmits = network.sink.ofType("retransmit");
    ASSERT_EQ(retransmits.size(), 1u);
    EXPECT_EQ(testing::fieldString(*retransmits[0], "reason"), "fast");
    EXPECT_EQ(testing::fieldInt(*retransmits[0], "len"), 1460);
}

TEST(TcpFaultInjection, synRetransmissionsBackOffExponentiallyThenTimeOut) {
    TestNetwork network;
    network.hook = [](const Packet&, std::size_t) { return WireDecision{Fate::Drop, {}}; };
    std::vector<TcpError> errors;
    auto connection =
        network.client->connect({serverAddress, 25}, {.onError = [&](TcpError e) { errors.push_back(e); }});
    network.simulator.run();
    std::vector<Time> sent;
    for (const auto& record : network.wire) sent.push_back(record.time);
    EXPECT_EQ(sent, (std::vector<Time>{0_s, 1_s, 3_s, 7_s, 15_s, 31_s}));
    EXPECT_EQ(errors, std::vector<TcpError>{TcpError::TimedOut});
    EXPECT_EQ(network.sink.timeEntered("client", "CLOSED"), 63_s);
    EXPECT_EQ(connection->stats().timeouts, 5u);
    EXPECT_EQ(network.client->connectionCount(), 0u);
}

TEST(TcpFaultInjection, dataRetransmissionsBackOffFromTheMeasuredRto) {
    TcpConfig config;
    config.maxRetransmissions = 4;
    TestNetwork network{config, config};
    std::size_t dropFrom = 3;  // everything after the handshake disappears
    network.hook = [&dropFrom](const Packet&, std::size_t index) {
        return WireDecision{index >= dropFrom ? Fate::Drop : Fate::Deliver, {}};
    };
    network.server->listen(25, {});
    std::vector<TcpError> errors;
    auto connection =
        network.client->connect({serverAddress, 25}, {.onError = [&](TcpError e) { errors.push_back(e); }});
    network.simulator.runUntil(1_s);
    const Time rto = connection->rttEstimator().rto();
    EXPECT_EQ(rto, 200_ms);  // one 20 ms sample, clamped to minRto
    const Time start = network.simulator.now();
    connection->send("lost in the void");
    network.simulator.run();
    std::vector<Time> gaps;
    for (const auto* event : network.sink.ofType("retransmit")) gaps.push_back(event->time - start);
    EXPECT_EQ(gaps, (std::vector<Time>{200_ms, 600_ms, 1400_ms, 3000_ms}));
    EXPECT_EQ(errors, std::vector<TcpError>{TcpError::TimedOut});
    EXPECT_EQ(network.sink.timeEntered("client", "CLOSED") - start, 6200_ms);
    EXPECT_EQ(connection->stats().timeouts, 4u);
}

TEST(TcpFaultInjection, lossOfEveryTenthSegmentStillDeliversEverything) {
    TestNetwork network{{}, {}, 5_ms, 10'000'000};
    network.hook = [](const Packet&, std::size_t index) {
        return WireDecision{index % 10 == 9 ? Fate::Drop : Fate::Deliver, {}};
    };
    TransferResult result;
    testing::runTransfer(network, 300 * 1024, result, 3600_s);
    expectCleanTransfer(result, 300 * 1024, "every tenth lost");
}

}  // namespace
}  // namespace netstage::tcp
