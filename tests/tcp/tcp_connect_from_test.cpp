// Active opens from a fixed local port (FTP's active data connection from port 20).

#include <gtest/gtest.h>

#include <stdexcept>

#include "tcp_test_network.hpp"

namespace netstage::tcp {
namespace {

using namespace netstage::time_literals;
using testing::clientAddress;
using testing::serverAddress;
using testing::TestNetwork;

TEST(TcpConnectFrom, opensFromTheGivenPortWhileThatPortAlsoListens) {
    TestNetwork network;
    ASSERT_TRUE(network.server->listen(20, [](std::shared_ptr<TcpConnection>) {}));
    std::shared_ptr<TcpConnection> accepted;
    ASSERT_TRUE(network.client->listen(50000, [&](std::shared_ptr<TcpConnection> c) { accepted = c; }));
    bool connected = false;
    auto connection = network.server->connectFrom(20, {clientAddress, 50000}, {.onConnected = [&] { connected = true; }});
    network.simulator.runUntil(1_s);

    EXPECT_TRUE(connected);
    ASSERT_TRUE(accepted);
    EXPECT_EQ(connection->local(), (Endpoint{serverAddress, 20}));
    EXPECT_EQ(accepted->remote(), (Endpoint{serverAddress, 20}));
    EXPECT_EQ(network.wire.front().header.sourcePort, 20);
}

TEST(TcpConnectFrom, allowsTwoConnectionsFromOnePortToDifferentPeers) {
    TestNetwork network;
    int accepted = 0;
    ASSERT_TRUE(network.client->listen(50000, [&](std::shared_ptr<TcpConnection>) { ++accepted; }));
    ASSERT_TRUE(network.client->listen(50001, [&](std::shared_ptr<TcpConnection>) { ++accepted; }));
    auto first = network.server->connectFrom(20, {clientAddress, 50000});
    auto second = network.server->connectFrom(20, {clientAddress, 50001});
    network.simulator.runUntil(1_s);

    EXPECT_EQ(accepted, 2);
    EXPECT_EQ(first->state(), TcpState::Established);
    EXPECT_EQ(second->state(), TcpState::Established);
}

TEST(TcpConnectFrom, refusesAFourTupleAlreadyInUse) {
    TestNetwork network;
    auto first = network.server->connectFrom(20, {clientAddress, 50000});
    EXPECT_THROW(network.server->connectFrom(20, {clientAddress, 50000}), std::runtime_error);
    EXPECT_THROW(network.server->connectFrom(0, {clientAddress, 50001}), std::invalid_argument);
}

}  // namespace
}  // namespace netstage::tcp
