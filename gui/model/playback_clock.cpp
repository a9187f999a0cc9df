#include "gui/model/playback_clock.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace netstage::gui {

void PlaybackClock::anchor(Time simulated, std::int64_t wallNanoseconds) {
    simulatedAnchor_ = simulated;
    wallAnchor_ = wallNanoseconds;
}

void PlaybackClock::setSpeed(double speed, std::int64_t wallNanoseconds) {
    const Time now = simulatedAt(wallNanoseconds);
    speed_ = std::clamp(speed, minimumSpeed, maximumSpeed);
    anchor(now, wallNanoseconds);
}

Time PlaybackClock::simulatedAt(std::int64_t wallNanoseconds) const {
    const double elapsed = static_cast<double>(wallNanoseconds - wallAnchor_) * speed_;
    return simulatedAnchor_ + Time::fromNanoseconds(std::llround(elapsed));
}

double speedForSlider(int position, int steps) {
    const double fraction = steps <= 0 ? 0.0 : std::clamp(static_cast<double>(position) / steps, 0.0, 1.0);
    const double logMin = std::log10(minimumSpeed);
    const double logMax = std::log10(maximumSpeed);
    return std::pow(10.0, logMin + fraction * (logMax - logMin));
}

int sliderForSpeed(double speed, int steps) {
    const double logMin = std::log10(minimumSpeed);
    const double logMax = std::log10(maximumSpeed);
    const double fraction = (std::log10(std::clamp(speed, minimumSpeed, maximumSpeed)) - logMin) / (logMax - logMin);
    return static_cast<int>(std::lround(fraction * steps));
}

std::string formatSpeed(double speed) {
    char buffer[32];
    if (speed >= 10) std::snprintf(buffer, sizeof buffer, "%.0fx", speed);
    else if (speed >= 1) std::snprintf(buffer, sizeof buffer, "%.1fx", speed);
    else if (speed >= 0.1) std::snprintf(buffer, sizeof buffer, "%.2fx", speed);
    else std::snprintf(buffer, sizeof buffer, "%.3fx", speed);
    return buffer;
}

}  // namespace netstage::gui
