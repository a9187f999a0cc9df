#include "simulator/packet/tcp_flag_names.hpp"

#include <gtest/gtest.h>

#include "simulator/packet/packet.hpp"

namespace netstage {
namespace {

TEST(TcpFlagNames, listTheFlagsInTcpdumpsOrder) {
    EXPECT_EQ(tcpFlagNames(tcp_flags::syn), "SYN");
    EXPECT_EQ(tcpFlagNames(tcp_flags::ack | tcp_flags::syn), "SYN, ACK");
    EXPECT_EQ(tcpFlagNames(tcp_flags::ack | tcp_flags::fin), "FIN, ACK");
    EXPECT_EQ(tcpFlagNames(tcp_flags::ack | tcp_flags::psh), "PSH, ACK");
    EXPECT_EQ(tcpFlagNames(tcp_flags::ack | tcp_flags::rst), "RST, ACK");
    EXPECT_EQ(tcpFlagNames(tcp_flags::ack | tcp_flags::psh | tcp_flags::fin), "FIN, PSH, ACK");
}

TEST(TcpFlagNames, nameEveryBitOfTheFlagsByte) {
    EXPECT_EQ(tcpFlagNames(0xff), "FIN, SYN, RST, PSH, ACK, URG, ECE, CWR");
    EXPECT_EQ(tcpFlagNames(tcp_flags::urg), "URG");
}

TEST(TcpFlagNames, areEmptyWhenNoFlagIsSet) { EXPECT_EQ(tcpFlagNames(0), ""); }

}  // namespace
}  // namespace netstage
