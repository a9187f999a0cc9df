#include <gtest/gtest.h>

#include "test_world.hpp"

using namespace netstage;
using namespace netstage::net;
using namespace netstage::net::testing;
using namespace netstage::time_literals;

namespace {
LinkConfig withDelay(Time delay) {
    LinkConfig config;
    config.delay = delay;
    return config;
}
}  // namespace

TEST(Routing, aLowDelayThreeHopPathBeatsAHighDelayOneHopPath) {
    TestWorld world;
    Network& net = world.network;
    const NodeId h1 = net.addHost("h1");
    const NodeId r1 = net.addRouter("r1");
    const NodeId r2 = net.addRouter("r2");
    const NodeId r3 = net.addRouter("r3");
    const NodeId r4 = net.addRouter("r4");
    const NodeId h2 = net.addHost("h2");
    const LinkId access1 = net.addLink(h1, ip(10, 0, 1, 2), r1, ip(10, 0, 1, 1), withDelay(1_ms));
    const LinkId direct = net.addLink(r1, ip(10, 0, 9, 1), r4, ip(10, 0, 9, 2), withDelay(50_ms));
    const LinkId l12 = net.addLink(r1, ip(10, 0, 2, 1), r2, ip(10, 0, 2, 2), withDelay(2_ms));
    const LinkId l23 = net.addLink(r2, ip(10, 0, 3, 1), r3, ip(10, 0, 3, 2), withDelay(2_ms));
    const LinkId l34 = net.addLink(r3, ip(10, 0, 4, 1), r4, ip(10, 0, 4, 2), withDelay(2_ms));
    const LinkId access2 = net.addLink(r4, ip(10, 0, 5, 1), h2, ip(10, 0, 5, 2), withDelay(1_ms));
    net.computeRoutes();

    EXPECT_EQ(net.path(h1, h2), (std::vector<LinkId>{access1, l12, l23, l34, access2}));
    EXPECT_EQ(net.path(h2, h1), (std::vector<LinkId>{access2, l34, l23, l12, access1}));
    const std::optional<Route> route = net.route(r1, h2);
    ASSERT_TRUE(route);
    EXPECT_EQ(route->nextHop, r2);
    EXPECT_EQ(route->link, l12);
    EXPECT_EQ(route->delay, 7_ms);
    EXPECT_EQ(route->hops, 4u);
    EXPECT_NE(net.path(r1, r4).front(), direct);
}

TEST(Routing, equalDelayPrefersFewerHops) {
    TestWorld world;
    Network& net = world.network;
    const NodeId a = net.addRouter("a");
    const NodeId b = net.addRouter("b");
    const NodeId c = net.addRouter("c");
    const NodeId d = net.addRouter("d");
    net.addLink(a, ip(10, 0, 1, 1), b, ip(10, 0, 1, 2), withDelay(1_ms));
    net.addLink(b, ip(10, 0, 2, 1), c, ip(10, 0, 2, 2), withDelay(1_ms));
    net.addLink(c, ip(10, 0, 3, 1), d, ip(10, 0, 3, 2), withDelay(1_ms));
    const LinkId shortcut = net.addLink(a, ip(10, 0, 4, 1), d, ip(10, 0, 4, 2), withDelay(3_ms));
    net.computeRoutes();
    EXPECT_EQ(net.path(a, d), std::vector<LinkId>{shortcut});
}

TEST(Routing, equalCostPathsPreferTheLowerNextHopNodeId) {
    TestWorld world;
    Network& net = world.network;
    const NodeId h1 = net.addHost("h1");
    const NodeId r1 = net.addRouter("r1");
    const NodeId r2 = net.addRouter("r2");
    const NodeId h2 = net.addHost("h2");
    ASSERT_LT(r1, r2);
    // r2's links come first, so link order cannot be what decides.
    const LinkId viaR2 = net.addLink(h1, ip(10, 0, 2, 1), r2, ip(10, 0, 2, 2));
    const LinkId viaR1 = net.addLink(h1, ip(10, 0, 1, 1), r1, ip(10, 0, 1, 2));
    net.addLink(r2, ip(10, 0, 4, 1), h2, ip(10, 0, 4, 2));
    net.addLink(r1, ip(10, 0, 3, 1), h2, ip(10, 0, 3, 2));
    net.computeRoutes();
    ASSERT_TRUE(net.route(h1, h2));
    EXPECT_EQ(net.route(h1, h2)->nextHop, r1);
    EXPECT_EQ(net.route(h1, h2)->link, viaR1);
    EXPECT_NE(net.route(h1, h2)->link, viaR2);
}

TEST(Routing, pathsNeverPassThroughAHost) {
    TestWorld world;
    Network& net = world.network;
    const NodeId r1 = net.addRouter("r1");
    const NodeId middle = net.addHost("middle");
    const NodeId r2 = net.addRouter("r2");
    const NodeId h = net.addHost("h");
    net.addLink(r1, ip(10, 0, 1, 1), middle, ip(10, 0, 1, 2), withDelay(1_ms));
    net.addLink(middle, ip(10, 0, 2, 1), r2, ip(10, 0, 2, 2), withDelay(1_ms));
    const LinkId slow = net.addLink(r1, ip(10, 0, 3, 1), r2, ip(10, 0, 3, 2), withDelay(40_ms));
    net.addLink(r2, ip(10, 0, 4, 1), h, ip(10, 0, 4, 2), withDelay(1_ms));
    net.computeRoutes();
    ASSERT_TRUE(net.route(r1, h));
    EXPECT_EQ(net.route(r1, h)->link, slow);
    // The host itself is still reachable, and can reach everyone.
    EXPECT_TRUE(net.route(r1, middle));
    EXPECT_EQ(net.path(middle, h).size(), 2u);
}

TEST(Routing, hostsWithoutARouterBetweenThemHaveNoRoute) {
    TestWorld world;
    Network& net = world.network;
    const NodeId a = net.addHost("a");
    const NodeId b = net.addHost("b");
    const NodeId c = net.addHost("c");
    net.addLink(a, ip(10, 0, 1, 1), b, ip(10, 0, 1, 2));
    net.addLink(b, ip(10, 0, 2, 1), c, ip(10, 0, 2, 2));
    net.computeRoutes();
    EXPECT_TRUE(net.route(a, b));
    EXPECT_FALSE(net.route(a, c));
    EXPECT_TRUE(net.path(a, c).empty());
    EXPECT_FALSE(net.route(a, a));
}

TEST(Routing, aPacketToAnUnreachableAddressIsDroppedAsNoRoute) {
    TestWorld world;
    Network& net = world.network;
    const NodeId a = net.addHost("a");
    const NodeId b = net.addHost("b");
    net.addLink(a, ip(10, 0, 1, 1), b, ip(10, 0, 1, 2));
    net.computeRoutes();
    net.node(a).send(udpPacket(ip(192, 168, 7, 7), 100));
    world.simulator.run();
    ASSERT_EQ(world.sink.packets.size(), 1u);
    EXPECT_EQ(world.sink.packets[0].action, trace::PacketAction::Dropped);
    EXPECT_EQ(world.sink.packets[0].reason, "no-route");
    EXPECT_EQ(world.sink.packets[0].nodeName, "a");
}

TEST(Network, rejectsDuplicateNamesAndAddresses) {
    TestWorld world;
    Network& net = world.network;
    const NodeId a = net.addHost("a");
    const NodeId b = net.addRouter("b");
    EXPECT_THROW(net.addHost("a"), std::invalid_argument);
    net.addLink(a, ip(10, 0, 1, 1), b, ip(10, 0, 1, 2));
    EXPECT_THROW(net.addLink(a, ip(10, 0, 1, 1), b, ip(10, 0, 2, 2)), std::invalid_argument);
    EXPECT_THROW(net.addLink(a, ip(10, 0, 3, 1), a, ip(10, 0, 3, 2)), std::invalid_argument);
    EXPECT_EQ(net.findNode("b"), b);
    EXPECT_FALSE(net.findNode("zz"));
    EXPECT_EQ(net.nodeByAddress(ip(10, 0, 1, 2)), b);
    EXPECT_FALSE(net.nodeByAddress(ip(10, 0, 1, 9)));
    EXPECT_EQ(net.nodeCount(), 2u);
    EXPECT_EQ(net.linkCount(), 1u);
}
