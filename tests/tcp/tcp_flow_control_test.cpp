// Flow control with a slow reader, zero-window probing, and bulk throughput.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "tcp_test_network.hpp"

namespace netstage::tcp {
namespace {

using namespace netstage::time_literals;
using testing::serverAddress;
using testing::TestNetwork;
using testing::TransferResult;

struct SlowReader {
    std::shared_ptr<TcpConnection> connection;
    std::vector<std::uint8_t> received;
    bool peerClosed = false;
};

void listenWithPausedReader(TestNetwork& network, SlowReader& reader) {
    network.server->listen(25, [&reader](std::shared_ptr<TcpConnection> c) {
        reader.connection = c;
        c->pauseReading();
        c->setCallbacks({.onData = [&reader](std::span<const std::uint8_t> bytes) {
                             reader.received.insert(reader.received.end(), bytes.begin(), bytes.end());
                         },
                         .onPeerClosed = [&reader] { reader.peerClosed = true; }});
    });
}

std::shared_ptr<TcpConnection> sendAll(TestNetwork& network, const std::vector<std::uint8_t>& data,
                                       std::size_t& sent) {
    auto connection = network.client->connect({serverAddress, 25});
    TcpConnection* raw = connection.get();
    auto pump = [raw, &data, &sent] {
        while (sent < data.size()) {
            const std::size_t n = raw->send(std::span{data}.subspan(sent));
            if (n == 0) return;
            sent += n;
        }
        raw->shutdown();
    };
    connection->setCallbacks({.onSendSpace = pump});
    pump();
    return connection;
}

TEST(TcpFlowControl, senderStallsAtAZeroWindowAndResumesWhenTheReaderReads) {
    TestNetwork network;
    SlowReader reader;
    listenWithPausedReader(network, reader);
    const auto data = testing::patternBytes(200 * 1024);
    std::size_t sent = 0;
    auto client = sendAll(network, data, sent);
    network.simulator.runUntil(30_s);

    ASSERT_TRUE(reader.connection);
    EXPECT_TRUE(reader.received.empty());
    EXPECT_EQ(reader.connection->unreadBytes(), 65535u);
    EXPECT_EQ(reader.connection->receiveWindow(), 0);
    EXPECT_EQ(client->sendBufferUsed(), 200u * 1024 - 65535);  // everything beyond the window waits
    EXPECT_GT(client->stats().windowProbes, 0u);
    EXPECT_EQ(client->stats().timeouts, 0u);
    // The window the reader advertised only shrank while it did not read.
    std::uint16_t last = 65535;
    bool sawZero = false;
    for (const auto& record : network.wire) {
        if (record.fromClient || record.header.has(tcp_flags::syn)) continue;
        EXPECT_LE(record.header.window, last);
        last = record.header.window;
        sawZero = sawZero || record.header.window == 0;
    }
    EXPECT_TRUE(sawZero);

    const std::size_t wireBefore = network.wire.size();
    reader.connection->resumeReading();
    network.simulator.runUntil(31_s);
    // A window update goes out as soon as the reader has taken the bytes.
    ASSERT_GT(network.wire.size(), wireBefore);
    EXPECT_FALSE(network.wire[wireBefore].fromClient);
    EXPECT_EQ(network.wire[wireBefore].header.window, 65535);
    EXPECT_EQ(network.wire[wireBefore].time, 30_s);

    network.simulator.runUntil(200_s);
    EXPECT_TRUE(reader.received == data);
    EXPECT_TRUE(reader.peerClosed);
    EXPECT_EQ(client->state(), TcpState::FinWait2);
}

TEST(TcpFlowControl, readerThatReadsInBurstsGetsEveryByteInOrder) {
    TestNetwork network;
    SlowReader reader;
    listenWithPausedReader(network, reader);
    const auto data = testing::patternBytes(500 * 1024);
    std::size_t sent = 0;
    auto client = sendAll(network, data, sent);
    // Read for 10 ms every 500 ms.
    for (int i = 0; i < 200 && reader.received.size() < data.size(); ++i) {
        network.simulator.runUntil(network.simulator.now() + 490_ms);
        if (reader.connection) reader.connection->resumeReading();
        network.simulator.runUntil(network.simulator.now() + 10_ms);
        if (reader.connection) reader.connection->pauseReading();
    }
    reader.connection->resumeReading();
    network.simulator.runUntil(network.simulator.now() + 10_s);
    EXPECT_TRUE(reader.received == data);
    EXPECT_TRUE(reader.peerClosed);
}

TEST(TcpFlowControl, lostWindowUpdateIsRecoveredByTheProbe) {
    TestNetwork network;
    SlowReader reader;
    listenWithPausedReader(network, reader);
    const auto data = testing::patternBytes(100 * 1024);
    std::size_t sent = 0;
    auto client = sendAll(network, data, sent);
    network.simulator.runUntil(5_s);
    const std::size_t updateIndex = network.segmentsOnWire;
    network.hook = [updateIndex](const Packet&, std::size_t index) {
        return testing::WireDecision{index == updateIndex ? testing::Fate::Drop : testing::Fate::Deliver, {}};
    };
    reader.connection->resumeReading();
    network.simulator.runUntil(300_s);
    EXPECT_FALSE(network.wire[updateIndex].fromClient);
    EXPECT_EQ(network.wire[updateIndex].fate, testing::Fate::Drop);
    EXPECT_TRUE(reader.received == data);
}

TEST(TcpFlowControl, shrinksTheOfferedWindowOnlyByUnreadBytes) {
    TcpConfig config;
    config.receiveBuffer = 10000;
    TestNetwork network{config, config};
    SlowReader reader;
    listenWithPausedReader(network, reader);
    auto client = network.client->connect({serverAddress, 25});
    network.simulator.runUntil(1_s);
    client->send(std::string(3000, 'x'));
    network.simulator.runUntil(2_s);
    EXPECT_EQ(reader.connection->unreadBytes(), 3000u);
    EXPECT_EQ(reader.connection->receiveWindow(), 7000);
    EXPECT_EQ(network.wire.back().header.window, 7000);
}

TEST(TcpFlowControl, segmentsToTheSmallerMss) {
    TcpConfig small;
    small.mss = 500;
    TestNetwork network{{}, small};
    TransferResult result;
    testing::runTransfer(network, 5000, result);
    EXPECT_EQ(result.received.size(), 5000u);
    std::size_t largest = 0;
    for (const auto& record : network.wire) largest = std::max(largest, record.payloadSize);
    EXPECT_EQ(largest, 500u);
    EXPECT_EQ(result.clientConnection->effectiveMss(), 500);
}

TEST(TcpFlowControl, delayedAckAcknowledgesAtLeastEverySecondSegment) {
    TestNetwork network;
    TransferResult result;
    testing::runTransfer(network, 20 * 1460, result);
    std::size_t dataSegments = 0;
    std::size_t serverAcks = 0;
    std::optional<std::uint32_t> previousAck;
    for (const auto& record : network.wire) {
        if (record.fromClient && record.payloadSize > 0) dataSegments++;
        if (record.fromClient || record.header.has(tcp_flags::syn)) continue;
        serverAcks++;
        if (previousAck) {
            EXPECT_LE(record.header.acknowledgement - *previousAck, 2u * 1460 + 1);
        }
        previousAck = record.header.acknowledgement;
    }
    EXPECT_EQ(dataSegments, 20u);
    EXPECT_LE(serverAcks, 12u);  // about one per two segments, plus the FIN exchange
}

TEST(TcpFlowControl, loneSegmentIsAcknowledgedAfterTheDelayedAckTimeout) {
    TestNetwork network;
    network.server->listen(25, {});
    auto client = network.client->connect({serverAddress, 25});
    network.simulator.runUntil(1_s);
    client->send("x");
    network.simulator.runUntil(2_s);
    ASSERT_EQ(network.wire.size(), 5u);
    EXPECT_EQ(network.wire[4].time - network.wire[3].time, 10_ms + 40_ms);
}

TEST(TcpBulkTransfer, fillsA10MbitPath) {
    TestNetwork network{{}, {}, 5_ms, 10'000'000, /*traceEvents=*/false};
    network.recordWire = false;
    constexpr std::size_t size = 10 * 1024 * 1024;
    TransferResult result;
    testing::runTransfer(network, size, result, 3600_s);
    EXPECT_EQ(result.received.size(), size);
    EXPECT_TRUE(result.received == testing::patternBytes(size));
    EXPECT_TRUE(result.serverClosed);
    EXPECT_EQ(network.client->totals().retransmissions, 0u);
    // Every 1460 payload bytes cost 1500 on the wire; the rest is the
    // handshake, slow start and the final round trip.
    const Time ideal = transmissionTime(static_cast<std::int64_t>(size) * 1500 / 1460, 10'000'000);
    EXPECT_GT(result.serverSawPeerCloseAt, ideal);
    EXPECT_LT(result.serverSawPeerCloseAt, ideal + 200_ms);
}

}  // namespace
}  // namespace netstage::tcp
