#include <gtest/gtest.h>

#include <algorithm>

#include <memory>
#include <vector>

#include "simulator/net/udp_socket.hpp"
#include "test_world.hpp"

using namespace netstage;
using namespace netstage::net;
using namespace netstage::net::testing;
using namespace netstage::time_literals;
using trace::PacketAction;

namespace {

// Two hosts on one link, a UDP socket on port 9 of each recording arrival times.
struct TwoHosts {
    explicit TwoHosts(LinkConfig config = {}, std::uint64_t seed = 1) : world{seed} {
        a = world.network.addHost("a");
        b = world.network.addHost("b");
        link = world.network.addLink(a, ip(10, 0, 0, 1), b, ip(10, 0, 0, 2), config);
        world.network.computeRoutes();
        sinkA = std::make_unique<UdpSocket>(world.network.node(a), 9);
        sinkB = std::make_unique<UdpSocket>(world.network.node(b), 9);
        sinkA->setReceiveCallback([this](Endpoint, const Bytes&) { arrivalsAtA.push_back(world.simulator.now()); });
        sinkB->setReceiveCallback([this](Endpoint, const Bytes&) { arrivalsAtB.push_back(world.simulator.now()); });
    }
    void sendAtoB(std::size_t wireSize) { world.network.node(a).send(udpPacket(ip(10, 0, 0, 2), wireSize)); }
    void sendBtoA(std::size_t wireSize) { world.network.node(b).send(udpPacket(ip(10, 0, 0, 1), wireSize)); }

    TestWorld world;
    NodeId a = 0;
    NodeId b = 0;
    LinkId link = 0;
    std::unique_ptr<UdpSocket> sinkA;
    std::unique_ptr<UdpSocket> sinkB;
    std::vector<Time> arrivalsAtA;
    std::vector<Time> arrivalsAtB;
};

}  // namespace

TEST(Link, aFullSizePacketArrivesAfterSerialisationPlusDelay) {
    TwoHosts net;
    net.sendAtoB(1500);
    net.world.simulator.run();
    ASSERT_EQ(net.arrivalsAtB.size(), 1u);
    EXPECT_EQ(net.arrivalsAtB[0], 11200_us);

    const auto& packets = net.world.sink.packets;
    ASSERT_EQ(packets.size(), 2u);
    EXPECT_EQ(packets[0].action, PacketAction::Sent);
    EXPECT_EQ(packets[0].time, 0_ms);
    EXPECT_EQ(packets[0].nodeName, "a");
    EXPECT_EQ(packets[0].link, static_cast<std::int32_t>(net.link));
    EXPECT_EQ(packets[0].wireSize, 1500u);
    EXPECT_EQ(packets[1].action, PacketAction::Received);
    EXPECT_EQ(packets[1].time, 11200_us);
    EXPECT_EQ(packets[1].nodeName, "b");
    EXPECT_EQ(packets[1].uid, packets[0].uid);
}

TEST(Link, backToBackPacketsArriveOneSerialisationTimeApart) {
    TwoHosts net;
    net.sendAtoB(1500);
    net.sendAtoB(1500);
    net.world.simulator.run();
    EXPECT_EQ(net.arrivalsAtB, (std::vector<Time>{11200_us, 12400_us}));

    const auto enqueued = net.world.sink.with(PacketAction::Enqueued);
    ASSERT_EQ(enqueued.size(), 1u);
    EXPECT_EQ(enqueued[0].time, 0_ms);
    const auto sent = net.world.sink.with(PacketAction::Sent);
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].time, 0_ms);
    // The second is "sent" when its transmission starts, not when it was queued.
    EXPECT_EQ(sent[1].time, 1200_us);
    EXPECT_EQ(sent[1].uid, enqueued[0].uid);
}

TEST(Link, aFullQueueDropsTheNewestPacket) {
    LinkConfig config;
    config.queueLimitPackets = 2;
    TwoHosts net{config};
    for (int i = 0; i < 5; ++i) net.sendAtoB(1500);
    net.world.simulator.run();
    // One on the wire, two waiting, two dropped.
    EXPECT_EQ(net.arrivalsAtB.size(), 3u);
    EXPECT_EQ(net.world.sink.with(PacketAction::Enqueued).size(), 2u);
    const auto dropped = net.world.sink.dropped("queue-full");
    ASSERT_EQ(dropped.size(), 2u);
    EXPECT_EQ(dropped[0].uid, 4u);
    EXPECT_EQ(dropped[1].uid, 5u);
    EXPECT_EQ(dropped[0].time, 0_ms);
}

TEST(Link, theQueueLimitExcludesThePacketBeingTransmitted) {
    LinkConfig config;
    config.queueLimitPackets = 0;
    TwoHosts net{config};
    net.sendAtoB(1500);
    net.sendAtoB(1500);
    net.world.simulator.run();
    EXPECT_EQ(net.arrivalsAtB.size(), 1u);
    EXPECT_EQ(net.world.sink.dropped("queue-full").size(), 1u);
}

TEST(Link, theTwoDirectionsDoNotWaitForEachOther) {
    TwoHosts net;
    net.sendAtoB(1500);
    net.sendBtoA(1500);
    net.world.simulator.run();
    EXPECT_EQ(net.arrivalsAtB, std::vector<Time>{11200_us});
    EXPECT_EQ(net.arrivalsAtA, std::vector<Time>{11200_us});
    EXPECT_TRUE(net.world.sink.with(PacketAction::Enqueued).empty());
}

namespace {
std::vector<std::uint64_t> lostUids(std::uint64_t seed, int count, double p) {
    LinkConfig config;
    config.lossProbability = p;
    config.queueLimitPackets = static_cast<std::size_t>(count);
    TwoHosts net{config, seed};
    for (int i = 0; i < count; ++i) net.sendAtoB(40);
    net.world.simulator.run();
    std::vector<std::uint64_t> uids;
    for (const auto& d : net.world.sink.dropped("loss")) uids.push_back(d.uid);
    EXPECT_EQ(net.arrivalsAtB.size() + uids.size(), static_cast<std::size_t>(count));
    return uids;
}
}  // namespace

TEST(Link, lossRateIsNearTheConfiguredProbability) {
    // 10000 trials at p = 0.1: the standard deviation is 30, so +-150 is 5 sigma.
    const auto lost = lostUids(1, 10000, 0.1);
    EXPECT_GT(lost.size(), 850u);
    EXPECT_LT(lost.size(), 1150u);
}

TEST(Link, lossIsIdenticalForTheSameSeedAndDiffersForAnother) {
    EXPECT_EQ(lostUids(7, 2000, 0.2), lostUids(7, 2000, 0.2));
    EXPECT_NE(lostUids(7, 2000, 0.2), lostUids(8, 2000, 0.2));
}

TEST(Link, aLostPacketIsReportedWhenItWouldHaveArrived) {
    LinkConfig config;
    config.lossProbability = 1.0;
    TwoHosts net{config};
    net.sendAtoB(1500);
    net.world.simulator.run();
    EXPECT_TRUE(net.arrivalsAtB.empty());
    const auto lost = net.world.sink.dropped("loss");
    ASSERT_EQ(lost.size(), 1u);
    EXPECT_EQ(lost[0].time, 11200_us);
    EXPECT_EQ(lost[0].link, static_cast<std::int32_t>(net.link));
    EXPECT_EQ(lost[0].nodeName, "a");
    EXPECT_EQ(net.world.network.link(net.link).transmitterAt(net.a).lostCount(), 1u);
}

TEST(Link, lossIsDrawnPerDirection) {
    LinkConfig config;
    config.lossProbability = 0.5;
    TwoHosts net{config, 3};
    for (int i = 0; i < 50; ++i) {
        net.sendAtoB(40);
        net.sendBtoA(40);
    }
    net.world.simulator.run();
    std::vector<bool> lostAtoB;
    std::vector<bool> lostBtoA;
    // uids alternate a->b (odd) and b->a (even).
    std::vector<bool> lost(101, false);
    for (const auto& d : net.world.sink.dropped("loss")) lost[d.uid] = true;
    for (std::uint64_t uid = 1; uid <= 100; uid += 2) {
        lostAtoB.push_back(lost[uid]);
        lostBtoA.push_back(lost[uid + 1]);
    }
    EXPECT_NE(lostAtoB, lostBtoA);
    // Each direction loses some packets and delivers others.
    for (const auto* direction : {&lostAtoB, &lostBtoA}) {
        const auto lostCount = std::count(direction->begin(), direction->end(), true);
        EXPECT_GT(lostCount, 5);
        EXPECT_LT(lostCount, 45);
    }
}

TEST(Link, goingDownDropsQueuedAndInFlightPacketsAndComingUpRestoresService) {
    TwoHosts net;
    Network& network = net.world.network;
    net.sendAtoB(1500);  // on the wire until 11.2 ms
    net.sendAtoB(1500);  // queued behind it
    network.scheduleLinkState(net.link, 5_ms, false);
    network.scheduleLinkState(net.link, 20_ms, true);
    net.world.simulator.scheduleAt(10_ms, [&] { net.sendAtoB(1500); });
    net.world.simulator.scheduleAt(30_ms, [&] { net.sendAtoB(1500); });
    net.world.simulator.run();

    EXPECT_EQ(net.arrivalsAtB, std::vector<Time>{41200_us});
    const auto dropped = net.world.sink.dropped("link-down");
    ASSERT_EQ(dropped.size(), 3u);
    EXPECT_EQ(dropped[0].time, 5_ms);
    EXPECT_EQ(dropped[0].uid, 1u);
    EXPECT_EQ(dropped[1].time, 5_ms);
    EXPECT_EQ(dropped[1].uid, 2u);
    EXPECT_EQ(dropped[2].time, 10_ms);
    EXPECT_EQ(dropped[2].uid, 3u);

    const auto& events = net.world.sink.events;
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].layer, "link");
    EXPECT_EQ(events[0].type, "down");
    EXPECT_EQ(events[0].time, 5_ms);
    EXPECT_EQ(field(events[0], "link"), trace::FieldValue{std::int64_t{0}});
    EXPECT_EQ(field(events[0], "a"), trace::FieldValue{std::int64_t{net.a}});
    EXPECT_EQ(field(events[0], "b"), trace::FieldValue{std::int64_t{net.b}});
    EXPECT_EQ(events[1].type, "up");
    EXPECT_EQ(events[1].time, 20_ms);
    EXPECT_TRUE(network.link(net.link).isUp());
}
