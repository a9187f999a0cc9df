#include "gui/model/playback_clock.hpp"
#include "gui/model/timeline_scale.hpp"

#include <gtest/gtest.h>

namespace netstage::gui {
namespace {

using namespace netstage::time_literals;

TEST(PlaybackClock, simulatedTimeRunsAtTheChosenSpeed) {
    PlaybackClock clock;
    clock.setSpeed(0.01, 0);
    clock.anchor(5_ms, 1'000'000'000);
    EXPECT_EQ(clock.simulatedAt(1'000'000'000), 5_ms);
    EXPECT_EQ(clock.simulatedAt(2'000'000'000), 15_ms) << "one wall second at 0.01x is 10 ms";
}

TEST(PlaybackClock, changingSpeedDoesNotMakeTimeJump) {
    PlaybackClock clock;
    clock.setSpeed(1.0, 0);
    clock.anchor(Time::zero(), 0);
    clock.setSpeed(100.0, 1'000'000);  // after 1 ms of wall time
    EXPECT_EQ(clock.simulatedAt(1'000'000), 1_ms);
    EXPECT_EQ(clock.simulatedAt(2'000'000), 101_ms);
}

TEST(PlaybackClock, speedIsClampedToTheSlidersRange) {
    PlaybackClock clock;
    clock.setSpeed(1e9, 0);
    EXPECT_EQ(clock.speed(), maximumSpeed);
    clock.setSpeed(0, 0);
    EXPECT_EQ(clock.speed(), minimumSpeed);
}

TEST(SpeedSlider, isLogarithmicFromOneHundredthToAThousand) {
    EXPECT_DOUBLE_EQ(speedForSlider(0, 500), 0.01);
    EXPECT_NEAR(speedForSlider(200, 500), 1.0, 1e-12);
    EXPECT_NEAR(speedForSlider(500, 500), 1000.0, 1e-9);
    for (int position = 0; position <= 500; position += 25) {
        EXPECT_EQ(sliderForSpeed(speedForSlider(position, 500), 500), position);
    }
    EXPECT_EQ(formatSpeed(0.02), "0.020x");
    EXPECT_EQ(formatSpeed(1.0), "1.0x");
    EXPECT_EQ(formatSpeed(250.0), "250x");
}

}  // namespace
}  // namespace netstage::gui

namespace netstage::gui {
namespace {

using namespace netstage::time_literals;

TEST(TimelineScale, isLinearInsideABurstAndCompressesQuietGaps) {
    const TimelineScale scale{{10_ms, 20_ms, 10'020_ms, 10'030_ms}, 10_ms};
    // Axis: 0..10, 10..20, then the 10 s gap counts as 10 ms, then 10 more: 40 in all.
    EXPECT_DOUBLE_EQ(scale.fractionAt(Time::zero()), 0.0);
    EXPECT_DOUBLE_EQ(scale.fractionAt(15_ms), 15.0 / 40);
    EXPECT_DOUBLE_EQ(scale.fractionAt(10'020_ms), 30.0 / 40);
    EXPECT_DOUBLE_EQ(scale.fractionAt(10'030_ms), 1.0);
    EXPECT_EQ(scale.span(), 10'030_ms);
}

TEST(TimelineScale, timeAtInvertsFractionAt) {
    const TimelineScale scale{{1_ms, 2_ms, 2_ms, 500_ms, 501_ms}, 5_ms};
    for (Time t : {0_ms, 1_ms, 2_ms, 500_ms, 501_ms}) {
        EXPECT_EQ(scale.timeAt(scale.fractionAt(t)), t) << t.toMillisecondsString();
    }
    EXPECT_EQ(scale.timeAt(2.0), 501_ms);
}

TEST(TimelineScale, anEmptyRunIsAPoint) {
    const TimelineScale scale{{}, 5_ms};
    EXPECT_EQ(scale.fractionAt(3_ms), 0.0);
    EXPECT_EQ(scale.timeAt(0.5), Time::zero());
}

}  // namespace
}  // namespace netstage::gui
