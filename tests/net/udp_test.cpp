#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "simulator/net/udp_socket.hpp"
#include "test_world.hpp"

using namespace netstage;
using namespace netstage::net;
using namespace netstage::net::testing;
using namespace netstage::time_literals;
using trace::PacketAction;

namespace {

struct ClientRouterServer {
    ClientRouterServer() {
        Network& net = world.network;
        client = net.addHost("client");
        router = net.addRouter("router");
        server = net.addHost("server");
        net.addLink(client, ip(10, 0, 1, 2), router, ip(10, 0, 1, 1));
        net.addLink(router, ip(10, 0, 2, 1), server, ip(10, 0, 2, 2));
        net.computeRoutes();
    }
    TestWorld world;
    NodeId client = 0, router = 0, server = 0;
};

Bytes bytes(const std::string& text) {
    return Bytes(text.begin(), text.end());
}

}  // namespace

TEST(Udp, aDatagramCrossesARouterAndTheReplyComesBack) {
    ClientRouterServer net;
    UdpSocket server{net.world.network.node(net.server), 53};
    UdpSocket client{net.world.network.node(net.client)};
    std::vector<Endpoint> serverSaw;
    server.setReceiveCallback([&](Endpoint from, const Bytes& payload) {
        serverSaw.push_back(from);
        server.sendTo(from, Bytes(payload.rbegin(), payload.rend()));
    });
    std::vector<std::pair<Endpoint, Bytes>> clientGot;
    client.setReceiveCallback([&](Endpoint from, const Bytes& payload) { clientGot.emplace_back(from, payload); });

    client.sendTo(Endpoint{ip(10, 0, 2, 2), 53}, bytes("query"));
    net.world.simulator.run();

    ASSERT_EQ(serverSaw.size(), 1u);
    EXPECT_EQ(serverSaw[0], client.localEndpoint());
    EXPECT_EQ(serverSaw[0].address, ip(10, 0, 1, 2));
    EXPECT_GE(serverSaw[0].port, 49152);
    ASSERT_EQ(clientGot.size(), 1u);
    EXPECT_EQ(clientGot[0].first, (Endpoint{ip(10, 0, 2, 2), 53}));
    EXPECT_EQ(clientGot[0].second, bytes("yreuq"));
    EXPECT_EQ(net.world.sink.with(PacketAction::Received).size(), 2u);
    EXPECT_EQ(net.world.sink.with(PacketAction::Forwarded).size(), 2u);
}

TEST(Udp, aDatagramToAnUnboundPortIsDroppedAsPortUnreachable) {
    ClientRouterServer net;
    UdpSocket client{net.world.network.node(net.client)};
    client.sendTo(Endpoint{ip(10, 0, 2, 2), 53}, bytes("anyone?"));
    net.world.simulator.run();
    const auto dropped = net.world.sink.dropped("port-unreachable");
    ASSERT_EQ(dropped.size(), 1u);
    EXPECT_EQ(dropped[0].nodeName, "server");
    EXPECT_TRUE(net.world.sink.with(PacketAction::Received).empty());
}

TEST(Udp, aClosedSocketNoLongerReceives) {
    ClientRouterServer net;
    UdpSocket server{net.world.network.node(net.server), 53};
    int received = 0;
    server.setReceiveCallback([&](Endpoint, const Bytes&) { ++received; });
    server.close();
    UdpSocket client{net.world.network.node(net.client)};
    client.sendTo(Endpoint{ip(10, 0, 2, 2), 53}, bytes("x"));
    net.world.simulator.run();
    EXPECT_EQ(received, 0);
    EXPECT_EQ(net.world.sink.dropped("port-unreachable").size(), 1u);
    EXPECT_THROW(server.sendTo(Endpoint{ip(10, 0, 1, 2), 1}, bytes("x")), std::logic_error);
}

TEST(Udp, aPortCanBeBoundOnlyOnceAndIsFreedOnClose) {
    ClientRouterServer net;
    Node& server = net.world.network.node(net.server);
    {
        UdpSocket first{server, 53};
        EXPECT_THROW(UdpSocket(server, 53), std::invalid_argument);
    }
    UdpSocket again{server, 53};
    EXPECT_EQ(again.localEndpoint(), (Endpoint{ip(10, 0, 2, 2), 53}));
}

TEST(Udp, ephemeralPortsAreDistinct) {
    ClientRouterServer net;
    Node& client = net.world.network.node(net.client);
    UdpSocket a{client};
    UdpSocket b{client};
    EXPECT_NE(a.localEndpoint().port, b.localEndpoint().port);
}

TEST(Udp, aDatagramToTheNodeItselfIsDeliveredWithoutALink) {
    ClientRouterServer net;
    Node& server = net.world.network.node(net.server);
    UdpSocket listener{server, 7};
    std::vector<Endpoint> from;
    listener.setReceiveCallback([&](Endpoint f, const Bytes&) { from.push_back(f); });
    UdpSocket sender{server, 8};
    sender.sendTo(Endpoint{ip(10, 0, 2, 2), 7}, bytes("self"));
    net.world.simulator.run();
    ASSERT_EQ(from.size(), 1u);
    EXPECT_EQ(from[0], (Endpoint{ip(10, 0, 2, 2), 8}));
    ASSERT_EQ(net.world.sink.packets.size(), 1u);
    EXPECT_EQ(net.world.sink.packets[0].action, PacketAction::Received);
    EXPECT_EQ(net.world.sink.packets[0].link, -1);
}
