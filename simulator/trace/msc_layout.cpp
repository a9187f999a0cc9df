#include "simulator/trace/msc_layout.hpp"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cctype>
#include <cstdio>

namespace netstage::trace {
namespace {

constexpr double titleHeight = 28;
constexpr double lineHeight = 16;   // one line of text in a lifeline box
constexpr double boxPadding = 12;
constexpr double labelLift = 5;     // label baseline above the arrow's start
constexpr double labelInset = 8;    // label start, away from the lifeline
constexpr double tickSpacing = 14;
constexpr double lostDrop = 12;     // a lost arrow goes this far down before its cross

double textWidth(const std::string& text, const MscLayoutOptions& options) {
    // Count code points, not bytes, so non-ASCII text is not over-measured.
    std::size_t chars = 0;
    for (unsigned char c : text) chars += (c & 0xC0) != 0x80 ? 1 : 0;
    return static_cast<double>(chars) * options.charWidth;
}

std::string cutLabel(const std::string& label, std::size_t maxChars, bool& cut) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) continue;
        if (chars == maxChars) {
            cut = true;
            return label.substr(0, i) + "...";
        }
        ++chars;
    }
    cut = false;
    return label;
}

std::size_t laneOf(const MscChart& chart, const MscArrow& arrow) {
    return arrow.connectionIndex < chart.connections.size() ? chart.connections[arrow.connectionIndex].lane : 0;
}

// What a lost arrow says: where it was going, since it stops before getting
// there. Its own text is cut shorter, so the destination stays readable.
std::string lostLabel(const MscChart& chart, const MscArrow& arrow) {
    constexpr std::size_t ownChars = 20;
    bool cut = false;
    const std::string own = cutLabel(arrow.label, ownChars, cut);
    if (arrow.from == arrow.to) return own + ", lost";
    return own + " \u2192 " + chart.lifelines[arrow.to].host + ", lost";
}

// Half-way to the destination, unless that is on (or next to) a lifeline in
// between, where the cross would look aimed at that host: then half-way
// across the gap it falls in.
double lostAt(const MscLayout& layout, double fromX, double toX) {
    constexpr double clearance = 24;
    const double half = (fromX + toX) / 2;
    const double low = std::min(fromX, toX);
    const double high = std::max(fromX, toX);
    double gapLow = low;
    double gapHigh = high;
    for (const auto& line : layout.lifelines) {
        if (line.x <= low + 1 || line.x >= high - 1) continue;
        if (line.x <= half) gapLow = std::max(gapLow, line.x);
        else gapHigh = std::min(gapHigh, line.x);
    }
    if (half - gapLow >= clearance && gapHigh - half >= clearance) return half;
    return (gapLow + gapHigh) / 2;
}

}  // namespace

double laneOffset(std::size_t lane, double laneSpacing) {
    if (lane == 0) return 0;
    const double step = static_cast<double>((lane + 1) / 2) * laneSpacing;
    return lane % 2 == 1 ? step : -step;
}

std::string laneColour(std::size_t lane) {
    // Lane 0 keeps its protocol's colour; the others stay clear of the protocol colours of the chart and of
    // the network view (blue SMTP, magenta or purple DNS, green POP3, brown IMAP, orange FTP) and of each other.
    static constexpr const char* palette[] = {"#00897b", "#9e7c00", "#455a64", "#6d4c41", "#c62828", "#37474f"};
    if (lane == 0) return {};
    return palette[(lane - 1) % (sizeof palette / sizeof palette[0])];
}

std::string formatMilliseconds(Time time) {
    const std::int64_t ns = time.nanoseconds();
    const std::int64_t magnitude = ns < 0 ? -ns : ns;
    char text[48];
    std::snprintf(text, sizeof text, "%s%" PRId64 ".%03" PRId64 " ms", ns < 0 ? "-" : "", magnitude / 1'000'000,
                  (magnitude % 1'000'000) / 1'000);
    return text;
}

double MscLayout::yAt(Time time) const {
    if (timeline.empty()) return chartTop;
    if (time <= timeline.front().first) return timeline.front().second;
    if (time >= timeline.back().first) return timeline.back().second;
    const auto after = std::upper_bound(timeline.begin(), timeline.end(), time,
                                        [](Time t, const auto& point) { return t < point.first; });
    const auto before = after - 1;
    const double span = static_cast<double>((after->first - before->first).nanoseconds());
    const double part = static_cast<double>((time - before->first).nanoseconds());
    return before->second + (after->second - before->second) * part / span;
}

MscLayout layoutMsc(const MscChart& chart, const MscLayoutOptions& options) {
    MscLayout layout;
    layout.title = chart.title;

    // Lifeline boxes and the horizontal gaps between them.
    const std::size_t count = chart.lifelines.size();
    bool twoLines = false;
    std::vector<double> boxWidth(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto& line = chart.lifelines[i];
        boxWidth[i] = std::max(textWidth(line.host, options), textWidth(line.application, options)) + 2 * boxPadding;
        twoLines = twoLines || !line.application.empty();
    }
    std::vector<double> gap(count > 0 ? count - 1 : 0);
    for (std::size_t i = 0; i + 1 < count; ++i) {
        gap[i] = std::max(options.minLifelineSpacing, (boxWidth[i] + boxWidth[i + 1]) / 2 + 16);
    }
    std::vector<std::string> labels(chart.arrows.size());
    std::vector<bool> cut(chart.arrows.size());
    for (std::size_t i = 0; i < chart.arrows.size(); ++i) {
        bool wasCut = false;
        const std::string full = chart.arrows[i].lost ? lostLabel(chart, chart.arrows[i]) : chart.arrows[i].label;
        labels[i] = cutLabel(full, options.maxLabelChars, wasCut);
        cut[i] = wasCut;
        const std::size_t a = std::min(chart.arrows[i].from, chart.arrows[i].to);
        const std::size_t b = std::max(chart.arrows[i].from, chart.arrows[i].to);
        if (a == b) continue;
        // A label runs from the receiving end towards the sending end, where the arrow
        // before it in a request/reply exchange comes in: keep the last part of the arrow free.
        // A lost arrow stops about half-way, so its label has about half the room (and may take most of it).
        const double share = chart.arrows[i].lost ? options.labelShare * 0.65 : options.labelShare;
        const double needed = (textWidth(labels[i], options) + 2 * labelInset) / share;
        double have = 0;
        for (std::size_t g = a; g < b; ++g) have += gap[g];
        if (have < needed) {
            const double extra = (needed - have) / static_cast<double>(b - a);
            for (std::size_t g = a; g < b; ++g) gap[g] += extra;
        }
    }

    const double boxTop = options.margin + titleHeight;
    const double boxHeight = (twoLines ? 2 : 1) * lineHeight + boxPadding;
    layout.chartTop = boxTop + boxHeight + 2 * options.rowGap;
    layout.axisX = options.margin + options.axisWidth - 12;
    double x = options.margin + options.axisWidth + (count > 0 ? std::max(boxWidth[0] / 2, 40.0) : 0);
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) x += gap[i - 1];
        MscLifelineGeometry geometry;
        geometry.x = x;
        geometry.boxTop = boxTop;
        geometry.boxHeight = boxHeight;
        geometry.boxWidth = boxWidth[i];
        geometry.host = chart.lifelines[i].host;
        geometry.application = chart.lifelines[i].application;
        layout.lifelines.push_back(std::move(geometry));
    }

    // Stacking: rank of each arrow among those sent at the same instant, and at
    // each instant the deepest stack of arrows arriving then.
    const std::size_t arrows = chart.arrows.size();
    std::vector<std::size_t> rank(arrows, 0);
    for (std::size_t i = 1; i < arrows; ++i) {
        if (chart.arrows[i].sent == chart.arrows[i - 1].sent) rank[i] = rank[i - 1] + 1;
    }
    std::vector<Time> times;
    for (const auto& arrow : chart.arrows) {
        times.push_back(arrow.sent);
        if (!arrow.lost) times.push_back(arrow.received);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    auto pointOf = [&](Time t) {
        return static_cast<std::size_t>(std::lower_bound(times.begin(), times.end(), t) - times.begin());
    };
    std::vector<std::size_t> arrivalStack(times.size(), 0);
    std::vector<std::size_t> sendCount(times.size(), 0);
    std::vector<std::vector<std::size_t>> arrivals(times.size());
    for (std::size_t i = 0; i < arrows; ++i) {
        const MscArrow& arrow = chart.arrows[i];
        ++sendCount[pointOf(arrow.sent)];
        if (!arrow.lost) {
            arrivals[pointOf(arrow.received)].push_back(i);
            std::size_t& stack = arrivalStack[pointOf(arrow.received)];
            stack = std::max(stack, rank[i]);
        }
    }

    // The time-to-y mapping: the base y of each instant.
    double y = layout.chartTop;
    std::optional<double> lastSend;
    std::vector<std::optional<double>> lastArrival(count);
    for (std::size_t i = 0; i < times.size(); ++i) {
        if (i > 0) {
            const std::size_t previous = i - 1;
            // Arrivals stacked at the previous instant take room; stacked sends do not, since
            // their ends are stacked alike and later sends keep rowGap below the last of them.
            y += static_cast<double>(arrivalStack[previous]) * options.rowGap;
            const double ms = static_cast<double>((times[i] - times[previous]).nanoseconds()) / 1e6;
            double step = ms * options.pixelsPerMillisecond;
            if (options.maxIdleGap && step > *options.maxIdleGap) {
                step = *options.maxIdleGap;
                layout.breaks.push_back(y + step / 2);
            }
            y += step;
        }
        // Every arrow that took time drops at least minimumDrop, so the two arrows of a
        // request and its immediate reply never meet at a sharp angle.
        // Labels sit by the receiving end, so arrivals on one lifeline are also kept a row apart.
        for (std::size_t a : arrivals[i]) {
            const std::size_t from = pointOf(chart.arrows[a].sent);
            if (from != i) {
                const double start = layout.timeline[from].second + static_cast<double>(arrivalStack[from]) * options.rowGap;
                y = std::max(y, start + options.minimumDrop);
            }
            if (const auto last = lastArrival[chart.arrows[a].to]) {
                y = std::max(y, *last + options.rowGap - static_cast<double>(rank[a]) * options.rowGap);
            }
        }
        if (sendCount[i] > 0) {
            const double firstSend = y + static_cast<double>(arrivalStack[i]) * options.rowGap;
            if (lastSend && firstSend < *lastSend + options.rowGap) y += *lastSend + options.rowGap - firstSend;
            lastSend = y + static_cast<double>(arrivalStack[i] + sendCount[i] - 1) * options.rowGap;
        }
        layout.timeline.emplace_back(times[i], y);
        for (std::size_t a : arrivals[i]) {
            auto& last = lastArrival[chart.arrows[a].to];
            last = std::max(last.value_or(y), y + static_cast<double>(rank[a]) * options.rowGap);
        }
    }
    if (!times.empty()) {
        const std::size_t last = times.size() - 1;
        y += static_cast<double>(arrivalStack[last] + (sendCount[last] > 0 ? sendCount[last] - 1 : 0)) * options.rowGap;
    }
    layout.chartBottom = y + 2 * options.rowGap;
    for (auto& line : layout.lifelines) line.lineBottom = layout.chartBottom;

    // Arrows and their labels.
    double right = layout.lifelines.empty() ? options.margin + options.axisWidth
                                            : layout.lifelines.back().x + layout.lifelines.back().boxWidth / 2;
    for (std::size_t i = 0; i < arrows; ++i) {
        const MscArrow& arrow = chart.arrows[i];
        MscArrowGeometry geometry;
        geometry.arrow = i;
        geometry.label = labels[i];
        geometry.cut = cut[i];
        const double lane = laneOffset(laneOf(chart, arrow), options.laneSpacing);
        const double fromX = layout.lifelines[arrow.from].x + lane;
        const double toX = layout.lifelines[arrow.to].x + lane;
        const double sendOffset = static_cast<double>(arrivalStack[pointOf(arrow.sent)] + rank[i]) * options.rowGap;
        geometry.from = {fromX, layout.yAt(arrow.sent) + sendOffset};
        geometry.self = arrow.from == arrow.to;
        if (arrow.lost) {
            const double towards = geometry.self ? fromX + 30 : lostAt(layout, fromX, toX);
            geometry.to = {towards, geometry.from.y + lostDrop};
        } else {
            const double end = layout.yAt(arrow.received) + static_cast<double>(rank[i]) * options.rowGap;
            geometry.to = {toX, std::max(end, geometry.from.y + (geometry.self ? lostDrop : 0.0))};
        }
        if (geometry.self) {
            geometry.labelAtStart = true;
            geometry.labelAt = {fromX + labelInset, geometry.from.y - labelLift};
            right = std::max(right, geometry.labelAt.x + textWidth(geometry.label, options));
        } else {
            // Along the line, read left to right, anchored by the receiving end (for a
            // lost arrow, its cross) and lifted off the line.
            const bool rightward = geometry.to.x > geometry.from.x;
            const MscPoint left = rightward ? geometry.from : geometry.to;
            const MscPoint rightEnd = rightward ? geometry.to : geometry.from;
            const double dx = rightEnd.x - left.x;
            const double dy = rightEnd.y - left.y;
            const double length = std::sqrt(dx * dx + dy * dy);
            const double ux = dx / length;
            const double uy = dy / length;
            const bool anchorLeft = !rightward;
            const MscPoint end = anchorLeft ? left : rightEnd;
            const double inset = anchorLeft ? labelInset : -(labelInset + 6);  // clear of the arrowhead
            geometry.labelAtStart = anchorLeft;
            geometry.labelAngle = std::atan2(dy, dx) * 180.0 / 3.14159265358979323846;
            geometry.labelAt = {end.x + ux * inset + uy * labelLift, end.y + uy * inset - ux * labelLift};
        }
        layout.arrows.push_back(std::move(geometry));
    }

    // A bar per concurrent connection on each of its lifelines, from its first arrow to its last.
    std::vector<std::optional<std::size_t>> laneOfConnection(chart.connections.size());
    for (std::size_t c = 0; c < chart.connections.size(); ++c) {
        const MscConnection& connection = chart.connections[c];
        if (!connection.concurrent) continue;
        laneOfConnection[c] = layout.lanes.size();
        MscLaneGeometry lane;
        lane.connection = c;
        lane.lane = connection.lane;
        const double offset = laneOffset(connection.lane, options.laneSpacing);
        lane.fromX = layout.lifelines[connection.from].x + offset;
        lane.toX = layout.lifelines[connection.to].x + offset;
        lane.top = layout.chartBottom;
        lane.bottom = layout.chartTop;
        std::string protocol = connection.protocol;
        std::transform(protocol.begin(), protocol.end(), protocol.begin(),
                       [](unsigned char letter) { return static_cast<char>(std::toupper(letter)); });
        lane.label = protocol + " " + connection.ports();
        layout.lanes.push_back(std::move(lane));
    }
    for (const MscArrowGeometry& geometry : layout.arrows) {
        const MscArrow& arrow = chart.arrows[geometry.arrow];
        if (arrow.connectionIndex >= laneOfConnection.size() || !laneOfConnection[arrow.connectionIndex]) continue;
        MscLaneGeometry& lane = layout.lanes[*laneOfConnection[arrow.connectionIndex]];
        lane.top = std::min({lane.top, geometry.from.y, geometry.to.y});
        lane.bottom = std::max({lane.bottom, geometry.from.y, geometry.to.y});
    }
    for (MscLaneGeometry& lane : layout.lanes) {
        lane.labelAt = {lane.fromX, lane.top - labelLift};
        right = std::max(right, lane.fromX + textWidth(lane.label, options) / 2);
    }

    // Ticks where the first arrow of each instant leaves, skipping those too close to the one above.
    std::optional<double> lastTick;
    for (std::size_t i = 0; i < arrows; ++i) {
        if (rank[i] != 0) continue;
        const double at = layout.arrows[i].from.y;
        if (lastTick && at < *lastTick + tickSpacing) continue;
        layout.ticks.push_back(MscTick{at, chart.arrows[i].sent, formatMilliseconds(chart.arrows[i].sent)});
        lastTick = at;
    }

    layout.width = std::max(right, options.margin + textWidth(chart.title, options) * 1.2) + options.margin;
    layout.height = layout.chartBottom + options.margin;
    return layout;
}

}  // namespace netstage::trace
