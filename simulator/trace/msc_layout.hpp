#pragma once
// Geometry of a message sequence chart, as plain data in pixels: where each
// lifeline stands, where each arrow starts and ends, where labels and time
// ticks go. The SVG writer and the GUI both draw exactly this.
//
// Time runs down the page. The scale is linear (pixelsPerMillisecond) with
// three exceptions, all visible on the time axis: an idle stretch longer than
// maxIdleGap pixels is cut short (drawn as a break); consecutive send times are
// at least rowGap pixels apart so labels never overlap; and arrows that leave
// at the same instant (lines sent in one segment) are stacked rowGap apart, as
// are their ends, with anything sent at their arrival time drawn below them.
// The mapping stays monotonic, so an arrow always ends below where it starts
// and slants by its real delay. With rowGap 0, minimumDrop 0 and no idle cap the axis is
// exactly linear. Every arrow that took time also drops at least minimumDrop.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "simulator/trace/msc_model.hpp"

namespace netstage::trace {

struct MscLayoutOptions {
    double pixelsPerMillisecond = 2.0;
    double rowGap = 28.0;                   // minimum distance between two send times
    double minimumDrop = 16.0;              // minimum slant of an arrow that took any time
    std::optional<double> maxIdleGap = 48;  // longest drawn stretch without any arrow time
    double minLifelineSpacing = 200.0;
    double labelShare = 0.7;                // most of an arrow's width its label may take
    double charWidth = 7.2;                 // of the 12 px monospace label font
    std::size_t maxLabelChars = 48;         // longer labels are cut with "..."
    double axisWidth = 96.0;                // left margin holding the time axis
    double headerHeight = 64.0;             // title and lifeline boxes
    double margin = 24.0;
    double laneSpacing = 12.0;              // between the lanes of concurrent connections on a lifeline
};

struct MscPoint {
    double x = 0;
    double y = 0;
};

struct MscLifelineGeometry {
    double x = 0;              // centre
    double boxTop = 0;
    double boxHeight = 0;
    double boxWidth = 0;
    double lineBottom = 0;
    std::string host;
    std::string application;  // second line of the box; may be empty
};

struct MscArrowGeometry {
    std::size_t arrow = 0;  // index into MscChart::arrows
    MscPoint from;          // on the sender's lifeline, moved sideways to its connection's lane
    MscPoint to;            // for a lost arrow: half-way to its destination, where a cross is drawn
    bool self = false;      // from and to are the same lifeline: drawn as a loop to the right
    // The label runs along the arrow, just above it, near the receiving end (the
    // end no other arrow of a request/reply exchange comes close to). Draw it with
    // its baseline anchor at labelAt, rotated by labelAngle degrees about that
    // point (clockwise, y pointing down), its start or its end at the anchor.
    MscPoint labelAt;
    double labelAngle = 0;
    bool labelAtStart = true;
    std::string label;      // possibly cut; a lost arrow's names where it was going: "SYN → hamburger.edu, lost"
    bool cut = false;       // label was cut; the full text is MscChart::arrows[arrow].label
};

// A connection that overlaps another between the same two lifelines: a bar
// on each of its lifelines, in its lane, from its first to its last arrow,
// and its ports written above the bar where it starts. Draw bars and arrows
// of the connection in laneColour(lane).
struct MscLaneGeometry {
    std::size_t connection = 0;  // index into MscChart::connections
    std::size_t lane = 0;
    double fromX = 0;  // bar on the lifeline of the connection's first arrow
    double toX = 0;
    double top = 0;
    double bottom = 0;
    std::string label;  // "SMTP :49153 → :25"
    MscPoint labelAt;   // centre of the label's baseline, above the bar at fromX
};

struct MscTick {
    double y = 0;
    Time time;
    std::string label;  // "102.345 ms"
};

struct MscLayout {
    double width = 0;
    double height = 0;
    std::string title;
    double axisX = 0;
    double chartTop = 0;     // y of the first time point
    double chartBottom = 0;
    std::vector<MscLifelineGeometry> lifelines;
    std::vector<MscArrowGeometry> arrows;  // same order as MscChart::arrows
    std::vector<MscLaneGeometry> lanes;    // concurrent connections only
    std::vector<MscTick> ticks;
    std::vector<double> breaks;  // y of each cut idle stretch
    // The time-to-y mapping: sorted breakpoints, linear in between.
    std::vector<std::pair<Time, double>> timeline;

    // y of any time: for the GUI's cursor and for hit tests.
    double yAt(Time time) const;
};

MscLayout layoutMsc(const MscChart& chart, const MscLayoutOptions& options = {});

// How far a lane sits from its lifeline: lane 0 on it, then alternately
// right and left, laneSpacing apart.
double laneOffset(std::size_t lane, double laneSpacing);

// The colour of a connection's lane as "#rrggbb"; empty for lane 0, which
// keeps its protocol's colour. The SVG export uses these; the GUI its own
// shades of them for its themes.
std::string laneColour(std::size_t lane);

// "102.345 ms": exact, through integers.
std::string formatMilliseconds(Time time);

}  // namespace netstage::trace
