#include "simulator/core/time.hpp"

#include <cstdio>
#include <cstdlib>

namespace netstage {

namespace {
std::string fixedPoint(std::int64_t value, std::int64_t unit, int decimals, std::int64_t divisor, const char* suffix) {
    const bool negative = value < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    const std::uint64_t whole = magnitude / static_cast<std::uint64_t>(unit);
    const std::uint64_t frac = (magnitude % static_cast<std::uint64_t>(unit)) / static_cast<std::uint64_t>(divisor);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s%llu.%0*llu%s", negative ? "-" : "",
                  static_cast<unsigned long long>(whole), decimals, static_cast<unsigned long long>(frac), suffix);
    return buffer;
}
}  // namespace

std::string Time::toMillisecondsString() const { return fixedPoint(ns_, 1'000'000, 3, 1'000, " ms"); }
std::string Time::toSecondsString() const { return fixedPoint(ns_, 1'000'000'000, 9, 1, " s"); }

}  // namespace netstage
