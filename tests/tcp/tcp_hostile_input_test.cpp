// Whatever a peer sends, the stack neither crashes nor throws: random
// segments near the real sequence numbers hit a listener and open connections.

#include <gtest/gtest.h>

#include "simulator/core/random.hpp"
#include "tcp_test_network.hpp"

namespace netstage::tcp {
namespace {

using namespace netstage::time_literals;
using testing::clientAddress;
using testing::serverAddress;
using testing::TestNetwork;

TEST(TcpHostileInput, randomSegmentsNeverCrashOrThrow) {
    TestNetwork network;
    std::vector<std::shared_ptr<TcpConnection>> accepted;
    network.server->listen(25, [&](std::shared_ptr<TcpConnection> c) {
        TcpConnection* raw = c.get();
        c->setCallbacks({.onData = [raw](std::span<const std::uint8_t> bytes) { raw->send(bytes); }});
        accepted.push_back(c);
    });
    auto connection = network.client->connect({serverAddress, 25});
    connection->send(std::string(5000, 'a'));
    network.simulator.runUntil(1_s);
    ASSERT_EQ(accepted.size(), 1u);
    const std::uint32_t serverSeq = network.wire[1].header.sequence;
    const std::uint32_t clientSeq = network.wire[0].header.sequence;

    RandomStream random{7, "hostile"};
    for (int i = 0; i < 20000; ++i) {
        Packet packet;
        packet.ip.source = clientAddress;
        packet.ip.destination = serverAddress;
        TcpHeader header;
        header.sourcePort = random.bernoulli(0.8) ? connection->local().port
                                                  : static_cast<std::uint16_t>(49152 + random.uniformInt(4));
        header.destinationPort = random.bernoulli(0.9) ? 25 : static_cast<std::uint16_t>(random.uniformInt(65536));
        header.sequence = clientSeq + static_cast<std::uint32_t>(random.uniformInt(20000)) - 5000;
        header.acknowledgement = serverSeq + static_cast<std::uint32_t>(random.uniformInt(20000)) - 5000;
        header.flags = static_cast<std::uint8_t>(random.uniformInt(64));
        header.window = static_cast<std::uint16_t>(random.uniformInt(65536));
        if (random.bernoulli(0.1)) header.mss = static_cast<std::uint16_t>(random.uniformInt(3000));
        packet.transport = header;
        packet.payload.resize(random.uniformInt(2000), static_cast<std::uint8_t>(i));
        EXPECT_NO_THROW(network.server->receive(packet));
        if (i % 100 == 0) {
            EXPECT_NO_THROW(network.simulator.runUntil(network.simulator.now() + 50_ms));
        }
    }
    EXPECT_NO_THROW(network.simulator.runUntil(network.simulator.now() + 1000_s));
    EXPECT_NO_THROW(network.simulator.run());
    EXPECT_EQ(network.server->connectionCount(), 0u);
}

}  // namespace
}  // namespace netstage::tcp
