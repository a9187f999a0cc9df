#pragma once
// TCP flags as words, in the order tcpdump and Wireshark print them (the
// order of their bits): FIN, SYN, RST, PSH, ACK, URG, ECE, CWR. The one
// formatter for the packet summary, the event list, the inspector, the
// packet animation and the sequence chart, so a segment reads the same
// everywhere ("SYN, ACK").

#include <cstdint>
#include <string>

namespace netstage {

// "SYN, ACK"; empty when no flag is set.
std::string tcpFlagNames(std::uint8_t flags);

}  // namespace netstage
