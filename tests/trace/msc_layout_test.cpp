#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "simulator/trace/msc_layout.hpp"
#include "tests/trace/msc_fixture.hpp"

using namespace netstage;
using namespace netstage::time_literals;
using namespace netstage::trace;
using namespace netstage::trace::testing_support;

namespace {

MscLayoutOptions linearTime() {
    MscLayoutOptions options;
    options.rowGap = 0;
    options.minimumDrop = 0;
    options.maxIdleGap.reset();
    options.pixelsPerMillisecond = 4;
    return options;
}

MscChart twoArrows(Time firstSent, Time firstReceived, Time secondSent, Time secondReceived) {
    MscChart chart;
    chart.lifelines = {{"a", ""}, {"b", ""}};
    MscArrow first;
    first.from = 0;
    first.to = 1;
    first.sent = firstSent;
    first.received = firstReceived;
    first.label = "first";
    MscArrow second = first;
    second.from = 1;
    second.to = 0;
    second.sent = secondSent;
    second.received = secondReceived;
    second.label = "second";
    chart.arrows = {first, second};
    return chart;
}

}  // namespace

TEST(MscLayout, withALinearAxisArrowsSlantByTheirDelay) {
    const MscChart chart = buildMsc(smtpChart());
    const MscLayout layout = layoutMsc(chart, linearTime());
    ASSERT_EQ(layout.arrows.size(), chart.arrows.size());
    for (const auto& geometry : layout.arrows) {
        const MscArrow& arrow = chart.arrows[geometry.arrow];
        const double ms = static_cast<double>((arrow.received - arrow.sent).nanoseconds()) / 1e6;
        EXPECT_NEAR(geometry.to.y - geometry.from.y, ms * 4, 1e-9) << arrow.label;
        EXPECT_EQ(geometry.from.x, layout.lifelines[arrow.from].x);
        EXPECT_EQ(geometry.to.x, layout.lifelines[arrow.to].x);
    }
    // 220 leaves at 10 ms, QUIT at 40 ms: 30 ms apart on the page.
    EXPECT_NEAR(layout.yAt(40_ms) - layout.yAt(10_ms), 120, 1e-9);
}

TEST(MscLayout, lifelinesStandLeftToRightInChartOrder) {
    const MscLayout layout = layoutMsc(buildMsc(smtpChart()));
    ASSERT_EQ(layout.lifelines.size(), 2u);
    EXPECT_LT(layout.lifelines[0].x, layout.lifelines[1].x);
    EXPECT_EQ(layout.lifelines[0].host, "alice-pc");
    EXPECT_GE(layout.lifelines[1].x - layout.lifelines[0].x, MscLayoutOptions{}.minLifelineSpacing);
    EXPECT_GT(layout.width, layout.lifelines[1].x);
}

TEST(MscLayout, sendTimesAreAtLeastARowApartSoLabelsDoNotOverlap) {
    MscLayoutOptions options = linearTime();
    options.rowGap = 30;
    const MscLayout layout = layoutMsc(twoArrows(10_ms, 20_ms, 11_ms, 21_ms), options);
    EXPECT_NEAR(layout.arrows[1].from.y - layout.arrows[0].from.y, 30, 1e-9);
    // Still monotonic: each arrow ends below where it starts.
    for (const auto& arrow : layout.arrows) EXPECT_GT(arrow.to.y, arrow.from.y);
}

TEST(MscLayout, anIdleStretchIsCutAndMarkedAsABreak) {
    MscLayoutOptions options = linearTime();
    options.maxIdleGap = 50;
    const MscLayout layout = layoutMsc(twoArrows(0_ms, 1_ms, 10'000_ms, 10'001_ms), options);
    ASSERT_EQ(layout.breaks.size(), 1u);
    EXPECT_NEAR(layout.arrows[1].from.y - layout.arrows[0].to.y, 50, 1e-9);
    EXPECT_NEAR(layout.arrows[0].to.y - layout.arrows[0].from.y, 4, 1e-9);
}

TEST(MscLayout, ticksShowSendTimesInMilliseconds) {
    const MscLayout layout = layoutMsc(twoArrows(10_ms, 20_ms, 30_ms, 40_ms));
    ASSERT_EQ(layout.ticks.size(), 2u);
    EXPECT_EQ(layout.ticks[0].label, "10.000 ms");
    EXPECT_EQ(layout.ticks[1].label, "30.000 ms");
    EXPECT_EQ(layout.ticks[0].y, layout.arrows[0].from.y);
}

TEST(MscLayout, formatsMillisecondsExactlyToTheMicrosecond) {
    EXPECT_EQ(formatMilliseconds(Time::fromNanoseconds(102'345'999)), "102.345 ms");
    EXPECT_EQ(formatMilliseconds(Time::zero()), "0.000 ms");
    EXPECT_EQ(formatMilliseconds(2_s), "2000.000 ms");
}

TEST(MscLayout, longLabelsAreCutAndWidenTheGapUpToTheLimit) {
    MscChart chart = twoArrows(0_ms, 1_ms, 2_ms, 3_ms);
    chart.arrows[0].label = std::string(80, 'x');
    MscLayoutOptions options;
    options.maxLabelChars = 40;
    const MscLayout layout = layoutMsc(chart, options);
    EXPECT_TRUE(layout.arrows[0].cut);
    EXPECT_EQ(layout.arrows[0].label, std::string(40, 'x') + "...");
    EXPECT_FALSE(layout.arrows[1].cut);
    EXPECT_GE(layout.lifelines[1].x - layout.lifelines[0].x, 43 * options.charWidth);
}

TEST(MscLayout, labelsRunAlongTheArrowAboveItByTheReceivingEnd) {
    const MscLayout layout = layoutMsc(twoArrows(0_ms, 5_ms, 10_ms, 15_ms));
    for (const auto& arrow : layout.arrows) {
        const double slope = (arrow.to.y - arrow.from.y) / (arrow.to.x - arrow.from.x);
        const double lineY = arrow.from.y + slope * (arrow.labelAt.x - arrow.from.x);
        EXPECT_LT(arrow.labelAt.y, lineY) << arrow.label;  // above its own line
        EXPECT_NEAR(arrow.labelAngle, std::atan(slope) * 180 / 3.14159265358979323846, 1e-9) << arrow.label;
    }
    // Left to right: the text ends just before the head on the right.
    EXPECT_FALSE(layout.arrows[0].labelAtStart);
    EXPECT_LT(layout.arrows[0].labelAt.x, layout.arrows[0].to.x);
    EXPECT_GT(layout.arrows[0].labelAt.x, (layout.arrows[0].from.x + layout.arrows[0].to.x) / 2);
    EXPECT_GT(layout.arrows[0].labelAngle, 0);
    // Right to left: the text starts just after the head on the left, and reads left to right.
    EXPECT_TRUE(layout.arrows[1].labelAtStart);
    EXPECT_GT(layout.arrows[1].labelAt.x, layout.arrows[1].to.x);
    EXPECT_LT(layout.arrows[1].labelAt.x, (layout.arrows[1].from.x + layout.arrows[1].to.x) / 2);
    EXPECT_LT(layout.arrows[1].labelAngle, 0);
}

TEST(MscLayout, arrowsLeavingTogetherAreStackedAndParallel) {
    MscChart chart = twoArrows(10_ms, 12_ms, 10_ms, 12_ms);
    chart.arrows[1].from = 0;
    chart.arrows[1].to = 1;
    const MscLayout layout = layoutMsc(chart);
    const MscLayoutOptions options;
    EXPECT_NEAR(layout.arrows[1].from.y - layout.arrows[0].from.y, options.rowGap, 1e-9);
    EXPECT_NEAR(layout.arrows[1].to.y - layout.arrows[0].to.y, options.rowGap, 1e-9);
    EXPECT_GE(layout.arrows[0].to.y - layout.arrows[0].from.y, options.minimumDrop);
}

TEST(MscLayout, aReplySentOnArrivalStartsBelowTheLastStackedArrival) {
    MscChart chart = twoArrows(10_ms, 12_ms, 10_ms, 12_ms);
    chart.arrows[1].from = 0;
    chart.arrows[1].to = 1;
    MscArrow reply = chart.arrows[0];
    reply.from = 1;
    reply.to = 0;
    reply.sent = 12_ms;
    reply.received = 14_ms;
    chart.arrows.push_back(reply);
    const MscLayout layout = layoutMsc(chart);
    EXPECT_GE(layout.arrows[2].from.y, layout.arrows[1].to.y);
}

TEST(MscLayout, aLostArrowStopsHalfWay) {
    MscChart chart = twoArrows(0_ms, 0_ms, 10_ms, 15_ms);
    chart.arrows[0].lost = true;
    const MscLayout layout = layoutMsc(chart);
    const double middle = (layout.lifelines[0].x + layout.lifelines[1].x) / 2;
    EXPECT_EQ(layout.arrows[0].to.x, middle);
    EXPECT_GT(layout.arrows[0].to.y, layout.arrows[0].from.y);
}

TEST(MscLayout, yAtInterpolatesBetweenArrowTimes) {
    const MscLayout layout = layoutMsc(twoArrows(10_ms, 20_ms, 30_ms, 40_ms), linearTime());
    EXPECT_NEAR(layout.yAt(15_ms), (layout.yAt(10_ms) + layout.yAt(20_ms)) / 2, 1e-9);
    EXPECT_EQ(layout.yAt(0_ms), layout.yAt(10_ms));
    EXPECT_EQ(layout.yAt(99_ms), layout.yAt(40_ms));
}

TEST(MscLayout, arrowsOfConcurrentConnectionsStandInLanesBesideTheLifeline) {
    const MscChart chart = parallelSessionsChart();
    const MscLayout layout = layoutMsc(chart);
    std::set<double> starts;
    for (std::size_t i = 0; i < chart.arrows.size(); ++i) {
        const MscArrow& arrow = chart.arrows[i];
        const std::size_t lane = chart.connections[arrow.connectionIndex].lane;
        const double offset = laneOffset(lane, MscLayoutOptions{}.laneSpacing);
        EXPECT_EQ(layout.arrows[i].from.x, layout.lifelines[arrow.from].x + offset) << i;
        EXPECT_EQ(layout.arrows[i].to.x, layout.lifelines[arrow.to].x + offset) << i;
        if (arrow.from == 0 && i < 9) starts.insert(layout.arrows[i].from.x);
    }
    EXPECT_EQ(starts.size(), 3u) << "three lanes on crepes.fr";
    EXPECT_NE(laneOffset(1, 12), laneOffset(2, 12));
    EXPECT_EQ(laneOffset(0, 12), 0.0);
}

TEST(MscLayout, eachConcurrentConnectionHasABarOnBothLifelinesLabelledWithItsPorts) {
    const MscChart chart = parallelSessionsChart();
    const MscLayout layout = layoutMsc(chart);
    ASSERT_EQ(layout.lanes.size(), 3u) << "the fourth session is alone and has none";
    std::set<double> xs;
    for (const MscLaneGeometry& lane : layout.lanes) {
        const MscConnection& connection = chart.connections[lane.connection];
        EXPECT_EQ(lane.lane, connection.lane);
        EXPECT_EQ(lane.label, "SMTP " + connection.ports());
        EXPECT_LT(lane.top, lane.bottom);
        EXPECT_LT(lane.labelAt.y, lane.top);
        xs.insert(lane.fromX);
    }
    EXPECT_EQ(xs.size(), 3u);
    // Each lane has a colour of its own, apart from the first, which keeps the protocol's.
    EXPECT_EQ(laneColour(0), "");
    EXPECT_NE(laneColour(1), laneColour(2));
}

TEST(MscLayout, aLostArrowEndsHalfWayToItsDestinationNamingIt) {
    MscChart chart = twoArrows(0_ms, 0_ms, 10_ms, 15_ms);
    chart.lifelines.push_back({"c", ""});
    chart.arrows[0].lost = true;
    chart.arrows[0].label = "SYN";
    const MscLayout layout = layoutMsc(chart);
    const double half = (layout.lifelines[0].x + layout.lifelines[1].x) / 2;
    EXPECT_EQ(layout.arrows[0].to.x, half);
    EXPECT_EQ(layout.arrows[0].label, "SYN \u2192 b, lost");
    // The label reads up to the cross, not from the sender.
    EXPECT_FALSE(layout.arrows[0].labelAtStart);
    EXPECT_LT(layout.arrows[0].labelAt.x, layout.arrows[0].to.x);
    EXPECT_GT(layout.arrows[0].labelAt.x, layout.lifelines[0].x);
}

TEST(MscLayout, aLostArrowDoesNotStopOnALifelineItWasNotAimedAt) {
    // a, b and c evenly spaced: half-way from a to c is on b's lifeline.
    MscChart chart = twoArrows(0_ms, 0_ms, 10_ms, 15_ms);
    chart.lifelines.push_back({"c", ""});
    chart.arrows[0].to = 2;
    chart.arrows[0].lost = true;
    chart.arrows[0].label = "SYN";
    chart.arrows[1].label = "x";
    MscLayoutOptions options;
    options.labelShare = 10;  // no label widens a gap: the lifelines stay evenly spaced
    const MscLayout layout = layoutMsc(chart, options);
    const double a = layout.lifelines[0].x;
    const double b = layout.lifelines[1].x;
    const double c = layout.lifelines[2].x;
    ASSERT_NEAR(b, (a + c) / 2, 1e-9);
    const double cross = layout.arrows[0].to.x;
    EXPECT_GT(std::fabs(cross - b), 24);
    EXPECT_GT(cross, a);
    EXPECT_LT(cross, c);
}
