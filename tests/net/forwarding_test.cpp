#include <gtest/gtest.h>

#include <vector>

#include "test_world.hpp"

using namespace netstage;
using namespace netstage::net;
using namespace netstage::net::testing;
using namespace netstage::time_literals;
using trace::PacketAction;

namespace {

// h1 -- r1 -- r2 -- h2, every link 10 Mbit/s and 10 ms.
struct Chain {
    Chain() {
        Network& net = world.network;
        h1 = net.addHost("h1");
        r1 = net.addRouter("r1");
        r2 = net.addRouter("r2");
        h2 = net.addHost("h2");
        net.addLink(h1, ip(10, 0, 1, 2), r1, ip(10, 0, 1, 1));
        net.addLink(r1, ip(10, 0, 2, 1), r2, ip(10, 0, 2, 2));
        net.addLink(r2, ip(10, 0, 3, 1), h2, ip(10, 0, 3, 2));
        net.computeRoutes();
    }
    Packet tcpTo(Ipv4Address destination) {
        Packet packet;
        packet.ip.destination = destination;
        packet.transport = TcpHeader{};
        return packet;
    }

    TestWorld world;
    NodeId h1 = 0, r1 = 0, r2 = 0, h2 = 0;
};

}  // namespace

TEST(Forwarding, routersForwardWithTtlDecrementedAndHostsReceive) {
    Chain chain;
    std::vector<Packet> received;
    chain.world.network.node(chain.h2).setTransportHandler(IpProtocol::Tcp,
                                                           [&](const Packet& p) { received.push_back(p); });
    chain.world.network.node(chain.h1).send(chain.tcpTo(ip(10, 0, 3, 2)));
    chain.world.simulator.run();

    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].ip.ttl, 62);
    EXPECT_EQ(received[0].ip.source, ip(10, 0, 1, 2));

    const auto& p = chain.world.sink.packets;
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[0].action, PacketAction::Sent);
    EXPECT_EQ(p[0].nodeName, "h1");
    EXPECT_EQ(p[1].action, PacketAction::Forwarded);
    EXPECT_EQ(p[1].nodeName, "r1");
    EXPECT_EQ(p[1].ttl, 63);
    EXPECT_EQ(p[1].link, 1);
    EXPECT_EQ(p[2].action, PacketAction::Forwarded);
    EXPECT_EQ(p[2].nodeName, "r2");
    EXPECT_EQ(p[2].ttl, 62);
    EXPECT_EQ(p[3].action, PacketAction::Received);
    EXPECT_EQ(p[3].nodeName, "h2");
    // A 40-byte segment: 32 us of serialisation and 10 ms of propagation per hop.
    const Time hop = transmissionTime(40, 10'000'000) + 10_ms;
    EXPECT_EQ(p[1].time, hop);
    EXPECT_EQ(p[2].time, hop * 2);
    EXPECT_EQ(p[3].time, hop * 3);
}

TEST(Forwarding, aPacketWhoseTtlRunsOutIsDroppedAtTheRouter) {
    Chain chain;
    Packet packet = chain.tcpTo(ip(10, 0, 3, 2));
    packet.ip.ttl = 2;
    chain.world.network.node(chain.h1).send(std::move(packet));
    chain.world.simulator.run();
    const auto dropped = chain.world.sink.dropped("ttl-expired");
    ASSERT_EQ(dropped.size(), 1u);
    EXPECT_EQ(dropped[0].nodeName, "r2");
    EXPECT_EQ(chain.world.sink.with(PacketAction::Forwarded).size(), 1u);
    EXPECT_TRUE(chain.world.sink.with(PacketAction::Received).empty());
}

TEST(Forwarding, aPacketWithTtlOneNeverLeavesTheFirstRouter) {
    Chain chain;
    Packet packet = chain.tcpTo(ip(10, 0, 3, 2));
    packet.ip.ttl = 1;
    chain.world.network.node(chain.h1).send(std::move(packet));
    chain.world.simulator.run();
    const auto dropped = chain.world.sink.dropped("ttl-expired");
    ASSERT_EQ(dropped.size(), 1u);
    EXPECT_EQ(dropped[0].nodeName, "r1");
}

TEST(Forwarding, aRouterAddressIsAValidDestination) {
    Chain chain;
    int delivered = 0;
    chain.world.network.node(chain.r2).setTransportHandler(IpProtocol::Tcp, [&](const Packet&) { ++delivered; });
    chain.world.network.node(chain.h1).send(chain.tcpTo(ip(10, 0, 3, 1)));
    chain.world.simulator.run();
    EXPECT_EQ(delivered, 1);
}

TEST(Forwarding, tcpWithoutAHandlerIsDroppedAsProtocolUnreachable) {
    Chain chain;
    chain.world.network.node(chain.h1).send(chain.tcpTo(ip(10, 0, 3, 2)));
    chain.world.simulator.run();
    EXPECT_EQ(chain.world.sink.dropped("protocol-unreachable").size(), 1u);
    EXPECT_TRUE(chain.world.sink.with(PacketAction::Received).empty());
}

TEST(Forwarding, sendAssignsUniqueUidsAndKeepsAGivenOne) {
    Chain chain;
    Node& h1 = chain.world.network.node(chain.h1);
    h1.send(chain.tcpTo(ip(10, 0, 3, 2)));
    h1.send(chain.tcpTo(ip(10, 0, 3, 2)));
    Packet tagged = chain.tcpTo(ip(10, 0, 3, 2));
    tagged.uid = 1000;
    h1.send(std::move(tagged));
    chain.world.network.node(chain.h2).send(chain.tcpTo(ip(10, 0, 1, 2)));
    chain.world.simulator.run();
    std::vector<std::uint64_t> uids;
    // h1's first packet is sent at once and the next two queue; h2 sends at once.
    for (const auto& e : chain.world.sink.packets) {
        if (e.time == Time::zero() && (e.action == PacketAction::Sent || e.action == PacketAction::Enqueued)) {
            uids.push_back(e.uid);
        }
    }
    EXPECT_EQ(uids, (std::vector<std::uint64_t>{1, 2, 1000, 3}));
}

TEST(Forwarding, sendFillsTheSourceWithTheOutgoingInterfaceAddressOnlyWhenUnset) {
    Chain chain;
    chain.world.network.node(chain.r1).send(chain.tcpTo(ip(10, 0, 3, 2)));
    Packet spoofed = chain.tcpTo(ip(10, 0, 3, 2));
    spoofed.ip.source = ip(1, 2, 3, 4);
    chain.world.network.node(chain.r1).send(std::move(spoofed));
    chain.world.simulator.run();
    // A router's own packets are Sent, not Forwarded.
    const auto sent = chain.world.sink.with(PacketAction::Sent);
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].nodeName, "r1");
    // r1 reaches h2 through its 10.0.2.1 interface.
    EXPECT_EQ(sent[0].source, ip(10, 0, 2, 1));
    EXPECT_EQ(sent[1].source, ip(1, 2, 3, 4));
    EXPECT_EQ(chain.world.sink.with(PacketAction::Forwarded).size(), 2u);
}

TEST(Forwarding, withoutComputedRoutesEverySendIsNoRoute) {
    TestWorld world;
    const NodeId a = world.network.addHost("a");
    const NodeId b = world.network.addHost("b");
    world.network.addLink(a, ip(10, 0, 0, 1), b, ip(10, 0, 0, 2));
    world.network.node(a).send(udpPacket(ip(10, 0, 0, 2), 100));
    world.simulator.run();
    EXPECT_EQ(world.sink.dropped("no-route").size(), 1u);
}
