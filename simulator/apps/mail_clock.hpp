#pragma once
// Mail and file dates in the simulated world's calendar (core/world_epoch.hpp),
// so Date: and Received: headers are real dates that never depend on when the
// simulation runs.

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
