#pragma once

#include <string>

#include "simulator/packet/packet.hpp"

namespace netstage {

// One line in the spirit of tcpdump's, e.g.
//   "10.0.1.2:49152 > 10.0.2.10:25 TCP [SYN] seq=123 win=65535 len=0 mss=1460"
//   "10.0.1.2:49152 > 10.0.2.10:25 TCP [PSH, ACK] seq=124 ack=900 win=65535 len=21"
//   "10.0.1.2:5353 > 10.0.0.53:53 UDP len=31"
// Flags are listed as tcpFlagNames() gives them (tcpdump's and Wireshark's order); ack= appears only with ACK set;
// len is the payload length.
std::string summarize(const Packet& packet);

}  // namespace netstage
