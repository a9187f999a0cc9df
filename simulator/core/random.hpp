#pragma once
// Named random streams derived from one scenario seed. Each stream's state is
// a hash of (seed, name), so adding a stream never changes the numbers any
// other stream draws. The generator is xoshiro256** and the distributions are
// written here, so the sequence is the same with every standard library.

#include <array>
#include <cstdint>
#include <string_view>

namespace netstage {

class RandomStream {
public:
    RandomStream(std::uint64_t seed, std::string_view name);

    std::uint64_t nextU64();
    // Uniform in [0, bound), unbiased. Precondition: bound > 0.
    std::uint64_t uniformInt(std::uint64_t bound);
    // Uniform in [0, 1) with 53 random bits.
    double uniform01();
    // True with probability p (p <= 0: never; p >= 1: always).
    bool bernoulli(double p);

private:
    std::array<std::uint64_t, 4> state_{};
};

class RandomStreams {
public:
    explicit RandomStreams(std::uint64_t seed) : seed_{seed} {}
    std::uint64_t seed() const { return seed_; }
    RandomStream stream(std::string_view name) const { return RandomStream{seed_, name}; }

private:
    std::uint64_t seed_;
};

// FNV-1a: a stable, platform-independent hash for names.
constexpr std::uint64_t stableHash(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace netstage
