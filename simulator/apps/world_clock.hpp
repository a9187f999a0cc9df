#pragma once
// The simulated world's clock as applications need it: dates in its calendar
// (core/world_epoch.hpp), so mail's Date: and Received: headers and files'
// modification times are real dates that never depend on when the simulation
// runs; and the engines' time (std::chrono) to and from simulated Time.

#include <chrono>
#include <cstdint>
#include <string>

#include "simulator/core/time.hpp"
#include "simulator/core/world_epoch.hpp"

namespace netstage::apps {

using netstage::worldEpochUnixSeconds;

inline std::int64_t unixSecondsAt(Time t) { return worldEpochUnixSeconds + t.seconds(); }
inline std::chrono::nanoseconds engineTime(Time t) { return std::chrono::nanoseconds{t.nanoseconds()}; }
inline Time simulatedTime(std::chrono::nanoseconds t) { return Time::fromNanoseconds(t.count()); }

}  // namespace netstage::apps
