#include "gui/model/packet_hop.hpp"

#include <gtest/gtest.h>

#include "tests/gui/sample_trace.hpp"

namespace netstage::gui {
namespace {

using namespace netstage::time_literals;

Packet tcpPacket(std::uint16_t from, std::uint16_t to, std::uint8_t flags, const std::string& payload) {
    Packet p;
    TcpHeader h;
    h.sourcePort = from;
    h.destinationPort = to;
    h.flags = flags;
    p.transport = h;
    p.payload.assign(payload.begin(), payload.end());
    return p;
}

TEST(PacketHop, protocolIsChosenByWellKnownPortInEitherDirection) {
    EXPECT_EQ(classifyPacket(tcpPacket(49152, 25, 0, "")), ProtocolKind::Smtp);
    EXPECT_EQ(classifyPacket(tcpPacket(110, 49152, 0, "")), ProtocolKind::Pop3);
    EXPECT_EQ(classifyPacket(tcpPacket(49152, 143, 0, "")), ProtocolKind::Imap);
    EXPECT_EQ(classifyPacket(tcpPacket(21, 49152, 0, "")), ProtocolKind::FtpControl);
    EXPECT_EQ(classifyPacket(tcpPacket(20, 49152, 0, "")), ProtocolKind::Data);
    EXPECT_EQ(classifyPacket(tcpPacket(50000, 50001, 0, "")), ProtocolKind::Data);
    Packet dns;
    dns.transport = UdpHeader{5353, 53};
    EXPECT_EQ(classifyPacket(dns), ProtocolKind::Dns);
}

TEST(PacketHop, labelIsTheFirstApplicationLineAndCountsTheRest) {
    EXPECT_EQ(packetLabel(tcpPacket(49152, 25, tcp_flags::psh, "HELO crepes.fr\r\n"), ProtocolKind::Smtp),
              "HELO crepes.fr");
    EXPECT_EQ(packetLabel(tcpPacket(49152, 25, tcp_flags::psh, "Do you like ketchup?\r\nHow about pickles?\r\n.\r\n"),
                          ProtocolKind::Smtp),
              "Do you like ketchup?  (+2 lines)");
}

TEST(PacketHop, controlSegmentsAreLabelledWithTheirFlags) {
    const Packet synAck = tcpPacket(25, 49152, tcp_flags::syn | tcp_flags::ack, "");
    EXPECT_TRUE(isControlSegment(synAck));
    EXPECT_EQ(packetLabel(synAck, ProtocolKind::Smtp), "SYN, ACK");
    EXPECT_FALSE(isControlSegment(tcpPacket(25, 49152, tcp_flags::ack, "x")));
}

TEST(PacketHop, bulkDataIsLabelledWithItsSize) {
    EXPECT_EQ(packetLabel(tcpPacket(20, 49152, tcp_flags::ack, std::string(1460, 'x')), ProtocolKind::Data), "1460 B");
}

TEST(PacketHop, aLongLineIsShortenedAtACharacterBoundary) {
    const std::string longLine = std::string(33, 'a') + "\u00e9\u00e9\u00e9\r\n";
    const std::string label = packetLabel(tcpPacket(49152, 25, 0, longLine), ProtocolKind::Smtp);
    EXPECT_EQ(label, std::string(33, 'a') + "\u2026");
}

TEST(PacketHop, aHopLastsItsTransmissionTimePlusThePropagationDelay) {
    const auto log = testing::smtpSampleTrace();
    const Topology topology = readTopology(log);
    const PacketMotion motion = readPacketMotion(log, topology);
    ASSERT_FALSE(motion.hops.empty());
    const PacketHop& query = motion.hops.front();  // the DNS query, 20 + 8 + 31 bytes
    EXPECT_EQ(query.protocol, ProtocolKind::Dns);
    EXPECT_EQ(query.from, 0u);
    EXPECT_EQ(query.to, 1u);
    EXPECT_EQ(query.arrival - query.start, transmissionTime(59, 10'000'000) + 10_ms);
    EXPECT_EQ(motion.hops[1].from, 1u) << "the router forwards it";
    EXPECT_EQ(motion.hops[1].to, 3u);
    EXPECT_EQ(motion.hops[1].start, query.arrival);
}

TEST(PacketHop, progressRunsFromZeroAtTheSenderToOneAtTheReceiver) {
    PacketHop hop;
    hop.start = 10_ms;
    hop.arrival = 20_ms;
    EXPECT_EQ(hop.progressAt(5_ms), 0.0);
    EXPECT_DOUBLE_EQ(hop.progressAt(15_ms), 0.5);
    EXPECT_EQ(hop.progressAt(25_ms), 1.0);
}

TEST(PacketHop, aDropAtANodeIsMarkedThereAndNotOnTheWire) {
    trace::TraceLog log = testing::smtpSampleTrace();
    trace::PacketRecord drop;
    drop.time = log.end;
    drop.node = 1;
    drop.nodeName = "router";
    drop.link = 1;
    drop.action = trace::PacketAction::Dropped;
    drop.reason = "queue-full";
    drop.packet = tcpPacket(49152, 25, tcp_flags::ack, "x");
    drop.packet.uid = 999;
    log.records.emplace_back(drop);
    const Topology topology = readTopology(log);
    const PacketMotion motion = readPacketMotion(log, topology);
    ASSERT_EQ(motion.drops.size(), 2u);
    EXPECT_FALSE(motion.drops.back().onWire);
    EXPECT_EQ(motion.drops.back().reason, "queue-full");
    EXPECT_EQ(motion.drops.back().shownFrom, log.end);
}

}  // namespace
}  // namespace netstage::gui
