#pragma once
// Maps wall time to simulated time while playing: simulated = anchor +
// (wall - wallAnchor) x speed. Re-anchored whenever the speed changes or the
// cursor jumps, so changing speed never makes time leap. View-only: the
// animation reads the trace at this time, nothing flows back.

#include <cstdint>
#include <string>

#include "simulator/core/time.hpp"

namespace netstage::gui {

class PlaybackClock {
public:
    void anchor(Time simulated, std::int64_t wallNanoseconds);
    void setSpeed(double speed, std::int64_t wallNanoseconds);
    double speed() const { return speed_; }
    Time simulatedAt(std::int64_t wallNanoseconds) const;

private:
    Time simulatedAnchor_;
    std::int64_t wallAnchor_ = 0;
    double speed_ = 1.0;
};

// The speed slider is logarithmic: position 0..steps maps to 0.01x..1000x.
inline constexpr double minimumSpeed = 0.01;
inline constexpr double maximumSpeed = 1000.0;
double speedForSlider(int position, int steps);
int sliderForSpeed(double speed, int steps);
std::string formatSpeed(double speed);  // "0.02x", "1x", "250x"

}  // namespace netstage::gui
