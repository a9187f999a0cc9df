#include "simulator/core/pacer.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace netstage {

namespace {

constexpr std::int64_t kMinThousandths = 1;          // 0.001
constexpr std::int64_t kMaxThousandths = 1'000'000;  // 1000

// a * b / c for a >= 0 and 0 < b, c <= 10^6, saturating at Time::max() instead of overflowing:
// with a = q*c + r, a*b/c = q*b + r*b/c, and r*b stays below 10^12.
std::int64_t scale(std::int64_t a, std::int64_t b, std::int64_t c, bool roundUp) {
    constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max();
    const std::int64_t q = a / c;
    const std::int64_t r = a % c;
    if (q > limit / b) return limit;
    const std::int64_t whole = q * b;
    std::int64_t part = r * b / c;
    if (roundUp && (r * b) % c != 0) ++part;
    return whole > limit - part ? limit : whole + part;
}

}  // namespace

std::optional<Speed> Speed::parse(std::string_view text) {
    if (text == "max") return unlimited();
    const std::size_t point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    if (whole.empty() || fraction.size() > 3 || (point != std::string_view::npos && fraction.empty())) return std::nullopt;
    const auto digitsOnly = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digitsOnly(whole) || !digitsOnly(fraction) || whole.size() > 4) return std::nullopt;
    std::int64_t units = 0;
    std::from_chars(whole.data(), whole.data() + whole.size(), units);
    std::int64_t thousandths = units * 1000;
    std::int64_t place = 100;
    for (const char c : fraction) {
        thousandths += (c - '0') * place;
        place /= 10;
    }
    if (thousandths < kMinThousandths || thousandths > kMaxThousandths) return std::nullopt;
    return Speed{thousandths};
}

std::string Speed::toString() const {
    if (isUnlimited()) return "max";
    std::string text = std::to_string(thousandths_ / 1000);
    std::int64_t rest = thousandths_ % 1000;
    if (rest == 0) return text;
    std::string fraction = std::to_string(rest);
    fraction.insert(0, 3 - fraction.size(), '0');
    while (fraction.back() == '0') fraction.pop_back();
    return text + "." + fraction;
}

Pacer::Pacer(Speed speed, Time simulatedNow, Time wallNow)
    : speed_{speed}, simulatedBase_{simulatedNow}, wallBase_{wallNow} {}

Time Pacer::target(Time wallNow) const {
    if (paused_) return simulatedBase_;
    if (speed_.isUnlimited()) return Time::max();
    const std::int64_t elapsed = std::max<std::int64_t>(0, (wallNow - wallBase_).nanoseconds());
    const std::int64_t advanced = scale(elapsed, speed_.thousandths(), 1000, false);
    return Time::fromNanoseconds(std::min(advanced, Time::max().nanoseconds() - simulatedBase_.nanoseconds())) +
           simulatedBase_;
}

Time Pacer::wallDelayUntil(Time at, Time wallNow) const {
    if (paused_) return Time::max();
    if (speed_.isUnlimited() || at <= simulatedBase_) return Time::zero();
    const std::int64_t wallNeeded = scale((at - simulatedBase_).nanoseconds(), 1000, speed_.thousandths(), true);
    const std::int64_t sinceBase = (wallNow - wallBase_).nanoseconds();
    return Time::fromNanoseconds(std::max<std::int64_t>(0, wallNeeded - sinceBase));
}

void Pacer::pause(Time simulatedNow, Time wallNow) {
    if (paused_) return;
    simulatedBase_ = simulatedNow;
    wallBase_ = wallNow;
    paused_ = true;
}

void Pacer::resume(Time wallNow) {
    if (!paused_) return;
    paused_ = false;
    wallBase_ = wallNow;
}

void Pacer::setSpeed(Speed speed, Time simulatedNow, Time wallNow) {
    simulatedBase_ = simulatedNow;
    wallBase_ = wallNow;
    speed_ = speed;
}

}  // namespace netstage
