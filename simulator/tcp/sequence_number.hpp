#pragma once
// Sequence-number arithmetic modulo 2^32 (RFC 9293 section 3.4): a is "before"
// b when the signed distance from b to a is negative. Valid while the two
// numbers are less than 2^31 apart, which every window guarantees.

#include <cstdint>

namespace netstage::tcp {

using SequenceNumber = std::uint32_t;

constexpr std::int32_t sequenceDistance(SequenceNumber from, SequenceNumber to) {
    return static_cast<std::int32_t>(to - from);
}
constexpr bool sequenceLess(SequenceNumber a, SequenceNumber b) { return sequenceDistance(b, a) < 0; }
constexpr bool sequenceLessEqual(SequenceNumber a, SequenceNumber b) { return sequenceDistance(b, a) <= 0; }
constexpr bool sequenceGreater(SequenceNumber a, SequenceNumber b) { return sequenceLess(b, a); }
constexpr bool sequenceGreaterEqual(SequenceNumber a, SequenceNumber b) { return sequenceLessEqual(b, a); }

}  // namespace netstage::tcp
