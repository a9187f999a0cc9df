#pragma once
// The Internet checksum (RFC 1071): the 16-bit one's complement of the one's
// complement sum of the data taken as big-endian 16-bit words.

#include <cstdint>
#include <span>

namespace netstage {

// One's complement sum of `data` added to `initial`, folded to 16 bits (but
// not complemented). Chain calls to sum a header in pieces: every piece but
// the last must have even length, since an odd byte is padded with zero.
std::uint32_t onesComplementSum(std::span<const std::uint8_t> data, std::uint32_t initial = 0);

// The checksum field value for `data`; `initial` is a partial sum from
// onesComplementSum (a pseudo-header, say). Running it over data that already
// holds a correct checksum yields 0.
std::uint16_t internetChecksum(std::span<const std::uint8_t> data, std::uint32_t initial = 0);

}  // namespace netstage
