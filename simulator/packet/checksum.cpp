#include "simulator/packet/checksum.hpp"

#include <bit>
#include <cstring>

namespace netstage {

namespace {
std::uint32_t fold(std::uint64_t sum) {
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint32_t>(sum);
}
}  // namespace

std::uint32_t onesComplementSum(std::span<const std::uint8_t> data, std::uint32_t initial) {
    // RFC 1071 section 2: the sum does not depend on byte order, so words are
    // added in host order, eight bytes at a time, and the folded result is
    // swapped once at the end. Carries are deferred into a 64-bit
    // accumulator, which cannot overflow for any IPv4-sized input.
    const std::uint8_t* p = data.data();
    const std::size_t n = data.size();
    std::uint64_t sum = 0;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, p + i, 8);
        sum += (word & 0xffffffff) + (word >> 32);
    }
    for (; i + 2 <= n; i += 2) {
        std::uint16_t word = 0;
        std::memcpy(&word, p + i, 2);
        sum += word;
    }
    if (i < n) {
        // An odd last byte is the high half of a zero-padded word.
        std::uint16_t word = 0;
        std::memcpy(&word, p + i, 1);
        sum += word;
    }
    std::uint32_t folded = fold(sum);
    if constexpr (std::endian::native == std::endian::little) {
        folded = ((folded & 0xff) << 8) | (folded >> 8);
    }
    return fold(std::uint64_t{folded} + initial);
}

std::uint16_t internetChecksum(std::span<const std::uint8_t> data, std::uint32_t initial) {
    return static_cast<std::uint16_t>(~onesComplementSum(data, fold(initial)) & 0xffff);
}

}  // namespace netstage
