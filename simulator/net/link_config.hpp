#pragma once

#include <cstddef>
#include <cstdint>

#include "simulator/core/time.hpp"

namespace netstage::net {

// The properties of one point-to-point link; both directions share them.
struct LinkConfig {
    std::int64_t bitsPerSecond = 10'000'000;
    Time delay = Time::fromMilliseconds(10);
    // Probability that a packet is lost, drawn per packet and per direction.
    double lossProbability = 0.0;
    // Packets that may wait behind the one being transmitted (drop-tail).
    std::size_t queueLimitPackets = 100;
};

}  // namespace netstage::net
