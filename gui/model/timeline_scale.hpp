#pragma once
// The timeline's axis. Runs are bursts of activity separated by long quiet
// stretches (a user agent's next action seconds later, TIME-WAIT's two
// minutes); drawn linearly, every burst would shrink to a sliver. So each
// quiet gap between consecutive records counts for at most `longestGap`;
// inside a burst the axis is linear in simulated time.

#include <vector>

#include "simulator/core/time.hpp"

namespace netstage::gui {

class TimelineScale {
public:
    TimelineScale() = default;
    // `times`: when things happen, non-decreasing; the axis runs from zero
    // to the last of them.
    TimelineScale(const std::vector<Time>& times, Time longestGap);

    double fractionAt(Time t) const;   // 0..1
    Time timeAt(double fraction) const;
    Time span() const { return knots_.empty() ? Time::zero() : knots_.back().time; }

private:
    struct Knot {
        Time time;
        double axis = 0;  // compressed nanoseconds
    };
    std::vector<Knot> knots_;
};

}  // namespace netstage::gui
