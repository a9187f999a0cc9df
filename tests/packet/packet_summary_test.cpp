#include "simulator/packet/packet_summary.hpp"

#include <gtest/gtest.h>

namespace netstage {
namespace {

Packet tcp(std::uint8_t flags, std::uint32_t seq, std::uint32_t ack, std::size_t len) {
    Packet p;
    p.ip.source = Ipv4Address{10, 0, 1, 2};
    p.ip.destination = Ipv4Address{10, 0, 2, 10};
    p.transport = TcpHeader{49152, 25, seq, ack, flags, 65535, std::nullopt};
    p.payload.assign(len, 'x');
    return p;
}

TEST(PacketSummary, describesASyn) {
    Packet p = tcp(tcp_flags::syn, 123, 0, 0);
    EXPECT_EQ(summarize(p), "10.0.1.2:49152 > 10.0.2.10:25 TCP [SYN] seq=123 win=65535 len=0");
    p.tcp()->mss = 1460;
    EXPECT_EQ(summarize(p), "10.0.1.2:49152 > 10.0.2.10:25 TCP [SYN] seq=123 win=65535 len=0 mss=1460");
}

TEST(PacketSummary, showsAckOnlyWithTheAckFlag) {
    EXPECT_EQ(summarize(tcp(tcp_flags::psh | tcp_flags::ack, 124, 900, 21)),
              "10.0.1.2:49152 > 10.0.2.10:25 TCP [PSH, ACK] seq=124 ack=900 win=65535 len=21");
    EXPECT_EQ(summarize(tcp(tcp_flags::fin | tcp_flags::psh | tcp_flags::ack, 1, 2, 0)),
              "10.0.1.2:49152 > 10.0.2.10:25 TCP [FIN, PSH, ACK] seq=1 ack=2 win=65535 len=0");
    EXPECT_EQ(summarize(tcp(tcp_flags::rst, 5, 0, 0)), "10.0.1.2:49152 > 10.0.2.10:25 TCP [RST] seq=5 win=65535 len=0");
    EXPECT_EQ(summarize(tcp(0, 5, 0, 0)), "10.0.1.2:49152 > 10.0.2.10:25 TCP [<none>] seq=5 win=65535 len=0");
}

TEST(PacketSummary, describesAUdpDatagram) {
    Packet p;
    p.ip.source = Ipv4Address{10, 0, 1, 2};
    p.ip.destination = Ipv4Address{10, 0, 0, 53};
    p.ip.protocol = IpProtocol::Udp;
    p.transport = UdpHeader{5353, 53};
    p.payload.assign(31, 0);
    EXPECT_EQ(summarize(p), "10.0.1.2:5353 > 10.0.0.53:53 UDP len=31");
}

}  // namespace
}  // namespace netstage
