#pragma once
// Tunables of one TCP stack. The defaults are the RFC values (RFC 6298 for the
// timers, RFC 9293 for MSL) except msl, which is the common 30 s rather than
// the RFC's 2 minutes so a TIME-WAIT is one minute of simulated time.

#include <cstddef>
#include <cstdint>

#include "simulator/core/time.hpp"

namespace netstage::tcp {

using namespace netstage::time_literals;

struct TcpConfig {
    std::uint16_t mss = 1460;
    // Bytes of unread data the receiver holds; also the largest window
    // advertised (no window scaling, so at most 65535).
    std::uint32_t receiveBuffer = 65535;
    std::size_t sendBuffer = 256 * 1024;
    Time initialRto = 1_s;
    Time minRto = 200_ms;
    Time maxRto = 60_s;
    Time msl = 30_s;  // TIME-WAIT lasts 2 * msl
    bool delayedAck = true;
    Time delayedAckTimeout = 40_ms;
    int maxSynRetries = 5;
    int maxRetransmissions = 10;
};

}  // namespace netstage::tcp
