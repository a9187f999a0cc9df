#include "gui/model/timeline_scale.hpp"

#include <algorithm>
#include <cmath>

namespace netstage::gui {

TimelineScale::TimelineScale(const std::vector<Time>& times, Time longestGap) {
    knots_.push_back({Time::zero(), 0.0});
    const double cap = static_cast<double>(std::max(longestGap, Time::fromNanoseconds(1)).nanoseconds());
    for (Time t : times) {
        if (t <= knots_.back().time) continue;
        const double gap = static_cast<double>((t - knots_.back().time).nanoseconds());
        knots_.push_back({t, knots_.back().axis + std::min(gap, cap)});
    }
}

double TimelineScale::fractionAt(Time t) const {
    if (knots_.size() < 2 || t <= Time::zero()) return 0.0;
    const double total = knots_.back().axis;
    if (t >= knots_.back().time) return 1.0;
    const auto after = std::upper_bound(knots_.begin(), knots_.end(), t,
                                        [](Time value, const Knot& k) { return value < k.time; });
    const Knot& b = *after;
    const Knot& a = *(after - 1);
    const double within = static_cast<double>((t - a.time).nanoseconds()) / static_cast<double>((b.time - a.time).nanoseconds());
    return (a.axis + within * (b.axis - a.axis)) / total;
}

Time TimelineScale::timeAt(double fraction) const {
    if (knots_.size() < 2 || fraction <= 0) return Time::zero();
    if (fraction >= 1) return knots_.back().time;
    const double axis = fraction * knots_.back().axis;
    const auto after = std::upper_bound(knots_.begin(), knots_.end(), axis,
                                        [](double value, const Knot& k) { return value < k.axis; });
    const Knot& b = *after;
    const Knot& a = *(after - 1);
    const double within = (axis - a.axis) / (b.axis - a.axis);
    return a.time + Time::fromNanoseconds(std::llround(within * static_cast<double>((b.time - a.time).nanoseconds())));
}

}  // namespace netstage::gui
