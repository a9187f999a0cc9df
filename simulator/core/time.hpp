#pragma once
// Simulated time: a strong type over int64 nanoseconds. It never goes through
// double, so printing and arithmetic are exact and reproducible.

#include <compare>
#include <cstdint>
#include <limits>
#include <string>

namespace netstage {

class Time {
public:
    constexpr Time() = default;
    static constexpr Time fromNanoseconds(std::int64_t ns) { return Time{ns}; }
    static constexpr Time fromMicroseconds(std::int64_t us) { return Time{us * 1'000}; }
    static constexpr Time fromMilliseconds(std::int64_t ms) { return Time{ms * 1'000'000}; }
    static constexpr Time fromSeconds(std::int64_t s) { return Time{s * 1'000'000'000}; }
    static constexpr Time zero() { return Time{0}; }
    static constexpr Time max() { return Time{std::numeric_limits<std::int64_t>::max()}; }

    constexpr std::int64_t nanoseconds() const { return ns_; }
    // Whole units, truncated toward zero.
    constexpr std::int64_t microseconds() const { return ns_ / 1'000; }
    constexpr std::int64_t milliseconds() const { return ns_ / 1'000'000; }
    constexpr std::int64_t seconds() const { return ns_ / 1'000'000'000; }

    constexpr auto operator<=>(const Time&) const = default;

    constexpr Time& operator+=(Time other) { ns_ += other.ns_; return *this; }
    constexpr Time& operator-=(Time other) { ns_ -= other.ns_; return *this; }
    friend constexpr Time operator+(Time a, Time b) { return Time{a.ns_ + b.ns_}; }
    friend constexpr Time operator-(Time a, Time b) { return Time{a.ns_ - b.ns_}; }
    friend constexpr Time operator*(Time a, std::int64_t k) { return Time{a.ns_ * k}; }
    friend constexpr Time operator*(std::int64_t k, Time a) { return Time{a.ns_ * k}; }
    friend constexpr Time operator/(Time a, std::int64_t k) { return Time{a.ns_ / k}; }
    friend constexpr std::int64_t operator/(Time a, Time b) { return a.ns_ / b.ns_; }

    // "11.200 ms": milliseconds with three decimals (microsecond resolution),
    // computed with integers only.
    std::string toMillisecondsString() const;
    // "1.234567890 s": exact, nanosecond resolution.
    std::string toSecondsString() const;

private:
    explicit constexpr Time(std::int64_t ns) : ns_{ns} {}
    std::int64_t ns_ = 0;
};

namespace time_literals {
constexpr Time operator""_ns(unsigned long long v) { return Time::fromNanoseconds(static_cast<std::int64_t>(v)); }
constexpr Time operator""_us(unsigned long long v) { return Time::fromMicroseconds(static_cast<std::int64_t>(v)); }
constexpr Time operator""_ms(unsigned long long v) { return Time::fromMilliseconds(static_cast<std::int64_t>(v)); }
constexpr Time operator""_s(unsigned long long v) { return Time::fromSeconds(static_cast<std::int64_t>(v)); }
}  // namespace time_literals

// Time to push `bytes` onto a link of `bitsPerSecond`, rounded up to the next
// nanosecond so a packet never arrives before its last bit was sent.
__extension__ using Int128 = __int128;
constexpr Time transmissionTime(std::int64_t bytes, std::int64_t bitsPerSecond) {
    const Int128 bits = static_cast<Int128>(bytes) * 8 * 1'000'000'000;
    return Time::fromNanoseconds(static_cast<std::int64_t>((bits + bitsPerSecond - 1) / bitsPerSecond));
}

}  // namespace netstage
