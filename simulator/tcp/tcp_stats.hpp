#pragma once

#include <cstdint>

namespace netstage::tcp {

struct TcpConnectionStats {
    std::uint64_t segmentsSent = 0;
    std::uint64_t segmentsReceived = 0;
    std::uint64_t bytesSent = 0;       // payload bytes put on the wire, retransmissions included
    std::uint64_t bytesReceived = 0;   // payload bytes accepted in order (each byte once)
    std::uint64_t retransmissions = 0; // segments sent again (timeout, fast retransmit, go-back-N)
    std::uint64_t timeouts = 0;        // retransmission-timer expiries
    std::uint64_t fastRetransmits = 0; // entries into fast retransmit (3 duplicate ACKs)
    std::uint64_t duplicateAcks = 0;
    std::uint64_t windowProbes = 0;    // zero-window probes sent by the persist timer
};

// Totals over every connection a stack ever had, plus stack-level counters.
struct TcpStats : TcpConnectionStats {
    std::uint64_t activeOpens = 0;
    std::uint64_t passiveOpens = 0;
    std::uint64_t resetsSent = 0;
};

}  // namespace netstage::tcp
