#include <gtest/gtest.h>

#include "test_world.hpp"

using namespace netstage;
using namespace netstage::net;
using namespace netstage::net::testing;
using namespace netstage::time_literals;

namespace {
trace::FieldValue text(const char* s) {
    return std::string{s};
}
trace::FieldValue number(std::int64_t n) {
    return n;
}
std::vector<std::string> fieldNames(const trace::Event& event) {
    std::vector<std::string> names;
    for (const auto& [name, value] : event.fields) names.push_back(name);
    return names;
}
}  // namespace

TEST(Topology, theAnnouncementDescribesEveryNodeAndLink) {
    TestWorld world;
    Network& net = world.network;
    const NodeId alice = net.addHost("alice");
    const NodeId router = net.addRouter("r1");
    const NodeId bob = net.addHost("bob");
    net.addLink(alice, ip(10, 0, 1, 2), router, ip(10, 0, 1, 1));
    LinkConfig lossy;
    lossy.bitsPerSecond = 1'000'000;
    lossy.delay = 25_ms;
    lossy.lossProbability = 0.01;
    lossy.queueLimitPackets = 20;
    net.addLink(router, ip(10, 0, 2, 1), bob, ip(10, 0, 2, 2), lossy);
    net.announceTopology();

    const auto& events = world.sink.events;
    ASSERT_EQ(events.size(), 5u);
    for (const auto& e : events) EXPECT_EQ(e.layer, "topology");

    EXPECT_EQ(events[1].type, "node");
    EXPECT_EQ(fieldNames(events[1]), (std::vector<std::string>{"id", "name", "kind", "addresses"}));
    EXPECT_EQ(field(events[1], "id"), number(1));
    EXPECT_EQ(field(events[1], "name"), text("r1"));
    EXPECT_EQ(field(events[1], "kind"), text("router"));
    EXPECT_EQ(field(events[1], "addresses"), text("10.0.1.1,10.0.2.1"));
    EXPECT_EQ(field(events[0], "kind"), text("host"));
    EXPECT_EQ(field(events[2], "addresses"), text("10.0.2.2"));

    const trace::Event& link = events[4];
    EXPECT_EQ(link.type, "link");
    EXPECT_EQ(fieldNames(link), (std::vector<std::string>{"id", "a", "b", "addressA", "addressB", "rate_bps",
                                                          "delay_ns", "loss", "queue"}));
    EXPECT_EQ(field(link, "id"), number(1));
    EXPECT_EQ(field(link, "a"), number(router));
    EXPECT_EQ(field(link, "b"), number(bob));
    EXPECT_EQ(field(link, "addressA"), text("10.0.2.1"));
    EXPECT_EQ(field(link, "addressB"), text("10.0.2.2"));
    EXPECT_EQ(field(link, "rate_bps"), number(1'000'000));
    EXPECT_EQ(field(link, "delay_ns"), number(25'000'000));
    EXPECT_EQ(field(link, "loss"), text("0.01"));
    EXPECT_EQ(field(link, "queue"), number(20));
    EXPECT_EQ(field(events[3], "loss"), text("0"));
}

TEST(Topology, nodesKnowTheirAddressesInLinkOrder) {
    TestWorld world;
    Network& net = world.network;
    const NodeId r = net.addRouter("r");
    const NodeId a = net.addHost("a");
    const NodeId b = net.addHost("b");
    EXPECT_EQ(net.node(r).primaryAddress(), Ipv4Address{});
    net.addLink(r, ip(10, 0, 5, 1), a, ip(10, 0, 5, 2));
    net.addLink(r, ip(10, 0, 6, 1), b, ip(10, 0, 6, 2));
    EXPECT_EQ(net.node(r).addresses(), (std::vector<Ipv4Address>{ip(10, 0, 5, 1), ip(10, 0, 6, 1)}));
    EXPECT_EQ(net.node(r).primaryAddress(), ip(10, 0, 5, 1));
    EXPECT_TRUE(net.node(r).isRouter());
    EXPECT_FALSE(net.node(a).isRouter());
    EXPECT_EQ(net.node(b).name(), "b");
}

TEST(Topology, nothingIsAnnouncedToPacketOnlySinks) {
    Simulator simulator;
    trace::Tracer tracer;
    RecordingSink packetsOnly;
    RecordingSink everything;
    tracer.addSink(packetsOnly, false);
    tracer.addSink(everything);
    Network net{simulator, tracer, RandomStreams{1}};
    net.addHost("a");
    net.announceTopology();
    EXPECT_TRUE(packetsOnly.events.empty());
    // The announcement did happen: a sink that takes events got it.
    ASSERT_FALSE(everything.events.empty());
    EXPECT_EQ(everything.events.front().layer, "topology");
}
