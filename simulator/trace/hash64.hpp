#pragma once
// A streaming 64-bit hash for run fingerprints, after xxHash64: four
// independent lanes each take one 8-byte little-endian word per step, so the
// multiplications of neighbouring words overlap in the CPU. Not
// cryptographic; it only has to make an accidental collision between two
// different traces vanishingly unlikely. Same bytes in, same value out, on
// every platform.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace netstage::trace {

class Hash64 {
public:
    static constexpr std::size_t blockSize = 32;  // four lanes of 8 bytes

    // `data.size()` must be a multiple of blockSize; callers pad with zeros
    // and put the real length into what they hash.
    void addBlocks(std::span<const std::uint8_t> data) {
        // Lanes in locals so they stay in registers across the loop.
        std::uint64_t a = lanes_[0], b = lanes_[1], c = lanes_[2], d = lanes_[3];
        const std::uint8_t* p = data.data();
        const std::uint8_t* end = p + data.size();
        for (; p + blockSize <= end; p += blockSize) {
            a = round(a, load(p));
            b = round(b, load(p + 8));
            c = round(c, load(p + 16));
            d = round(d, load(p + 24));
        }
        lanes_ = {a, b, c, d};
        length_ += data.size();
    }

    std::uint64_t value() const {
        std::uint64_t h = std::rotl(lanes_[0], 1) + std::rotl(lanes_[1], 7) + std::rotl(lanes_[2], 12) +
                          std::rotl(lanes_[3], 18);
        for (const std::uint64_t lane : lanes_) h = (h ^ round(0, lane)) * prime1 + prime4;
        h += length_;
        h ^= h >> 33;
        h *= prime2;
        h ^= h >> 29;
        h *= prime3;
        h ^= h >> 32;
        return h;
    }

private:
    static constexpr std::uint64_t prime1 = 0x9E3779B185EBCA87ULL;
    static constexpr std::uint64_t prime2 = 0xC2B2AE3D27D4EB4FULL;
    static constexpr std::uint64_t prime3 = 0x165667B19E3779F9ULL;
    static constexpr std::uint64_t prime4 = 0x85EBCA77C2B2AE63ULL;

    static std::uint64_t round(std::uint64_t acc, std::uint64_t input) {
        return std::rotl(acc + input * prime2, 31) * prime1;
    }
    // Little-endian on every host, so the value is the same everywhere.
    static std::uint64_t load(const std::uint8_t* p) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, sizeof v);
        if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
        return v;
    }

    std::array<std::uint64_t, 4> lanes_{prime1 + prime2, prime2, 0, 0 - prime1};
    std::uint64_t length_ = 0;
};

}  // namespace netstage::trace
