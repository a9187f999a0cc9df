#pragma once
// Pacing a live world against the wall clock. Simulated time runs at `speed`
// times the wall clock and stands still while paused; `--speed max` runs as
// fast as events allow. The pacer never reads a clock (rule zero): the caller
// passes wall time in, as a Time counted from any fixed origin, so a test can
// drive it with made-up times and a live run can record them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "simulator/core/time.hpp"

namespace netstage {

// A speed factor as an exact count of thousandths (no floating point), or unlimited.
class Speed {
public:
    // "1", "0.5", "2.25", "10", "max": at most three decimals, from 0.001 to 1000.
    static std::optional<Speed> parse(std::string_view text);
    static constexpr Speed unlimited() { return Speed{0}; }
    static constexpr Speed thousandths(std::int64_t count) { return Speed{count}; }
    static constexpr Speed realTime() { return Speed{1000}; }

    bool isUnlimited() const { return thousandths_ == 0; }
    std::int64_t thousandths() const { return thousandths_; }
    // "1", "0.5", "max": the form parse() reads back.
    std::string toString() const;

    friend bool operator==(Speed, Speed) = default;

private:
    explicit constexpr Speed(std::int64_t thousandths) : thousandths_{thousandths} {}
    std::int64_t thousandths_;  // 0: unlimited
};

class Pacer {
public:
    // Simulated time `simulatedNow` corresponds to wall time `wallNow`.
    Pacer(Speed speed, Time simulatedNow, Time wallNow);

    // The simulated time the world should have reached at `wallNow`
    // (Time::max() at unlimited speed). Never goes backwards.
    Time target(Time wallNow) const;
    // How long to wait on the wall clock until simulated time `at` is due:
    // zero if it is due already or the speed is unlimited, Time::max() while paused.
    Time wallDelayUntil(Time at, Time wallNow) const;

    // Freezes the world where it is (`simulatedNow`, the world's own clock);
    // resuming continues from there without a jump.
    void pause(Time simulatedNow, Time wallNow);
    void resume(Time wallNow);
    bool paused() const { return paused_; }

    // Changes speed from now on, continuing from the world's own clock.
    void setSpeed(Speed speed, Time simulatedNow, Time wallNow);
    Speed speed() const { return speed_; }

private:

    Speed speed_;
    Time simulatedBase_;
    Time wallBase_;
    bool paused_ = false;
};

}  // namespace netstage
