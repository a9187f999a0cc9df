#include "simulator/packet/wire_format.hpp"

#include <gtest/gtest.h>

#include <string>

#include "simulator/packet/checksum.hpp"

namespace netstage {
namespace {

Packet tcpPacket() {
    Packet p;
    p.uid = 7;
    p.ip.source = Ipv4Address{10, 0, 1, 2};
    p.ip.destination = Ipv4Address{10, 0, 2, 10};
    p.ip.protocol = IpProtocol::Tcp;
    p.ip.identification = 0x1234;
    p.ip.dscp = 10;
    TcpHeader tcp;
    tcp.sourcePort = 49152;
    tcp.destinationPort = 25;
    tcp.sequence = 0xdeadbeef;
    tcp.acknowledgement = 0x01020304;
    tcp.flags = tcp_flags::psh | tcp_flags::ack;
    tcp.window = 65535;
    p.transport = tcp;
    const std::string text = "MAIL FROM:<alice@crepes.fr>\r\n";
    p.payload.assign(text.begin(), text.end());
    return p;
}

Packet udpPacket(std::size_t payloadSize) {
    Packet p;
    p.ip.source = Ipv4Address{192, 168, 0, 1};
    p.ip.destination = Ipv4Address{192, 168, 0, 199};
    p.ip.protocol = IpProtocol::Udp;
    p.ip.identification = 0;
    p.transport = UdpHeader{5353, 53};
    for (std::size_t i = 0; i < payloadSize; ++i) p.payload.push_back(static_cast<std::uint8_t>(i));
    return p;
}

void expectSamePacket(const Packet& a, const Packet& b) {
    EXPECT_EQ(a.ip.source, b.ip.source);
    EXPECT_EQ(a.ip.destination, b.ip.destination);
    EXPECT_EQ(a.ip.protocol, b.ip.protocol);
    EXPECT_EQ(a.ip.ttl, b.ip.ttl);
    EXPECT_EQ(a.ip.dscp, b.ip.dscp);
    EXPECT_EQ(a.ip.identification, b.ip.identification);
    EXPECT_EQ(a.ip.dontFragment, b.ip.dontFragment);
    ASSERT_EQ(a.transport.index(), b.transport.index());
    if (const auto* t = a.tcp()) {
        const auto* u = b.tcp();
        EXPECT_EQ(t->sourcePort, u->sourcePort);
        EXPECT_EQ(t->destinationPort, u->destinationPort);
        EXPECT_EQ(t->sequence, u->sequence);
        EXPECT_EQ(t->acknowledgement, u->acknowledgement);
        EXPECT_EQ(t->flags, u->flags);
        EXPECT_EQ(t->window, u->window);
        EXPECT_EQ(t->mss, u->mss);
    } else {
        EXPECT_EQ(a.udp()->sourcePort, b.udp()->sourcePort);
        EXPECT_EQ(a.udp()->destinationPort, b.udp()->destinationPort);
    }
    EXPECT_EQ(a.payload, b.payload);
}

TEST(WireFormat, writesTheHandComputedIpv4Header) {
    // Total length 0x73 = 20 + 8 + 87: the classic example header, checksum b861.
    const Bytes wire = toWire(udpPacket(87));
    const Bytes expected{0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
                         0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7};
    ASSERT_EQ(wire.size(), 0x73u);
    EXPECT_EQ(Bytes(wire.begin(), wire.begin() + 20), expected);
}

TEST(WireFormat, writesEveryTcpHeaderField) {
    const Packet p = tcpPacket();
    const Bytes wire = toWire(p);
    ASSERT_EQ(wire.size(), 20u + 20u + p.payload.size());
    EXPECT_EQ(wire[1], 10 << 2) << "DSCP sits above the two ECN bits";
    EXPECT_EQ(wire[4], 0x12);
    EXPECT_EQ(wire[5], 0x34);
    EXPECT_EQ(wire[9], 6);
    const Bytes tcpFixed{0xc0, 0x00, 0x00, 0x19, 0xde, 0xad, 0xbe, 0xef, 0x01, 0x02,
                         0x03, 0x04, 0x50, 0x18, 0xff, 0xff};
    EXPECT_EQ(Bytes(wire.begin() + 20, wire.begin() + 36), tcpFixed);
    EXPECT_EQ(wire[38], 0);
    EXPECT_EQ(wire[39], 0) << "urgent pointer";
    EXPECT_EQ(std::string(wire.begin() + 40, wire.end()), "MAIL FROM:<alice@crepes.fr>\r\n");
}

TEST(WireFormat, tcpChecksumCoversThePseudoHeader) {
    const Bytes wire = toWire(tcpPacket());
    const std::span<const std::uint8_t> all{wire};
    // Pseudo-header: source, destination, zero, protocol, TCP length.
    const std::uint16_t tcpLength = static_cast<std::uint16_t>(wire.size() - 20);
    const Bytes pseudo{10, 0, 1, 2, 10, 0, 2, 10, 0, 6, static_cast<std::uint8_t>(tcpLength >> 8),
                       static_cast<std::uint8_t>(tcpLength)};
    EXPECT_EQ(internetChecksum(all.subspan(20), onesComplementSum(pseudo)), 0);
    EXPECT_NE(internetChecksum(all.subspan(20)), 0) << "without the pseudo-header it does not verify";
}

TEST(WireFormat, writesTheMssOptionOnSyn) {
    Packet p = tcpPacket();
    auto& tcp = *p.tcp();
    tcp.flags = tcp_flags::syn;
    tcp.acknowledgement = 0;
    tcp.mss = 1460;
    p.payload.clear();
    const Bytes wire = toWire(p);
    ASSERT_EQ(wire.size(), 44u);
    EXPECT_EQ(wire[32], 0x60) << "data offset 6 words";
    EXPECT_EQ(Bytes(wire.begin() + 40, wire.end()), (Bytes{2, 4, 0x05, 0xb4}));
}

TEST(WireFormat, writesUdpLengthAndChecksum) {
    const Packet p = udpPacket(23);
    const Bytes wire = toWire(p);
    EXPECT_EQ(wire[24], 0);
    EXPECT_EQ(wire[25], 31);
    const Bytes pseudo{192, 168, 0, 1, 192, 168, 0, 199, 0, 17, 0, 31};
    EXPECT_EQ(internetChecksum(std::span{wire}.subspan(20), onesComplementSum(pseudo)), 0);
}

TEST(WireFormat, sendsAComputedZeroUdpChecksumAsAllOnes) {
    // Search for a payload whose UDP checksum computes to zero, then check it
    // is transmitted as ffff (RFC 768).
    Packet p = udpPacket(2);
    bool found = false;
    for (std::uint32_t v = 0; v <= 0xffff && !found; ++v) {
        p.payload = {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
        const Bytes wire = toWire(p);
        if (wire[26] == 0xff && wire[27] == 0xff) {
            found = true;
            EXPECT_TRUE(parseWire(wire).ok());
        }
        ASSERT_FALSE(wire[26] == 0 && wire[27] == 0);
    }
    EXPECT_TRUE(found);
}

TEST(WireFormat, appendWireAppendsAfterExistingBytes) {
    Bytes out{1, 2, 3};
    appendWire(tcpPacket(), out);
    EXPECT_EQ(Bytes(out.begin() + 3, out.end()), toWire(tcpPacket()));
}

TEST(WireFormat, rejectsAPacketLargerThanAnIpv4Datagram) {
    EXPECT_THROW(toWire(udpPacket(65535 - 28 + 1)), std::length_error);
    EXPECT_EQ(toWire(udpPacket(65535 - 28)).size(), 65535u);
}

TEST(WireFormat, roundTripsTcpUdpAndSyn) {
    Packet syn = tcpPacket();
    syn.tcp()->mss = 536;
    syn.ip.dontFragment = false;
    syn.ip.ttl = 1;
    for (const Packet& p : {tcpPacket(), syn, udpPacket(0), udpPacket(1), udpPacket(1000)}) {
        const Bytes wire = toWire(p);
        const WireResult parsed = parseWire(wire);
        ASSERT_TRUE(parsed.ok()) << parsed.error().message;
        EXPECT_EQ(parsed.packet().uid, 0u);
        expectSamePacket(parsed.packet(), p);
        EXPECT_EQ(toWire(parsed.packet()), wire);
    }
}

TEST(WireFormat, acceptsAUdpDatagramWithoutChecksum) {
    Bytes wire = toWire(udpPacket(5));
    wire[26] = 0;
    wire[27] = 0;
    EXPECT_TRUE(parseWire(wire).ok());
}

TEST(WireFormat, rejectsEverySingleBitFlip) {
    // Every bit is covered by a checksum or a length/version check.
    for (const Packet& p : {tcpPacket(), udpPacket(9)}) {
        const Bytes wire = toWire(p);
        for (std::size_t i = 0; i < wire.size(); ++i) {
            for (int bit = 0; bit < 8; ++bit) {
                Bytes bad = wire;
                bad[i] ^= static_cast<std::uint8_t>(1 << bit);
                const bool udpChecksumCleared = p.udp() && (i == 26 || i == 27) && bad[26] == 0 && bad[27] == 0;
                if (udpChecksumCleared) continue;
                EXPECT_FALSE(parseWire(bad).ok()) << "byte " << i << " bit " << bit;
            }
        }
    }
}

TEST(WireFormat, namesWhatIsWrongAndWhere) {
    const Bytes wire = toWire(tcpPacket());
    auto expectError = [](const Bytes& bytes, const std::string& fragment, std::size_t offset) {
        const WireResult r = parseWire(bytes);
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
        EXPECT_EQ(r.error().offset, offset) << r.error().message;
    };
    expectError(Bytes(wire.begin(), wire.begin() + 10), "truncated IPv4 header", 10);
    expectError(Bytes(wire.begin(), wire.end() - 1), "total length", 2);
    Bytes v6 = wire;
    v6[0] = 0x65;
    expectError(v6, "version 6", 0);
    Bytes badIp = wire;
    badIp[8] ^= 1;
    expectError(badIp, "IPv4 header checksum", 10);
    Bytes badTcp = wire;
    badTcp.back() ^= 1;
    expectError(badTcp, "TCP checksum", 36);
    Bytes badUdp = toWire(udpPacket(4));
    badUdp.back() ^= 1;
    expectError(badUdp, "UDP checksum", 26);
}

TEST(WireFormat, rejectsTruncatedInputAtEveryLength) {
    const Bytes wire = toWire(tcpPacket());
    for (std::size_t n = 0; n < wire.size(); ++n) {
        EXPECT_FALSE(parseWire(std::span{wire}.first(n)).ok()) << n;
    }
}

}  // namespace
}  // namespace netstage
