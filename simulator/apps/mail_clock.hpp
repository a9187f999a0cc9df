#pragma once
// The calendar of the simulated world. Simulated time 0 is the moment of the
// lecture (Thursday 20 February 2020, 09:00:00 UTC), so Date: and Received:
// headers are real dates that never depend on when the simulation runs.

#include <chrono>
#include <cstdint>
#include <string>

#include "simulator/core/time.hpp"

namespace netstage::apps {

inline constexpr std::int64_t worldEpochUnixSeconds = 1'582'189'200;  // 2020-02-20T09:00:00Z

inline std::int64_t unixSecondsAt(Time t) { return worldEpochUnixSeconds + t.seconds(); }
inline std::chrono::nanoseconds engineTime(Time t) { return std::chrono::nanoseconds{t.nanoseconds()}; }
inline Time simulatedTime(std::chrono::nanoseconds t) { return Time::fromNanoseconds(t.count()); }

}  // namespace netstage::apps
