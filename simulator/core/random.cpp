#include "simulator/core/random.hpp"

namespace netstage {

namespace {
__extension__ using UInt128 = unsigned __int128;
std::uint64_t splitMix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

RandomStream::RandomStream(std::uint64_t seed, std::string_view name) {
    std::uint64_t x = seed ^ rotl(stableHash(name), 17);
    for (auto& word : state_) word = splitMix64(x);
}

std::uint64_t RandomStream::nextU64() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
}

std::uint64_t RandomStream::uniformInt(std::uint64_t bound) {
    // Lemire's multiply-shift with rejection: unbiased and usually one draw.
    UInt128 m = static_cast<UInt128>(nextU64()) * bound;
    auto low = static_cast<std::uint64_t>(m);
    if (low < bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            m = static_cast<UInt128>(nextU64()) * bound;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

double RandomStream::uniform01() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }

bool RandomStream::bernoulli(double p) {
    if (p <= 0.0) return false;
    if (p >= 1.0) return true;
    return uniform01() < p;
}

}  // namespace netstage
