#include <gtest/gtest.h>

#include "simulator/core/pacer.hpp"

using namespace netstage;
using namespace netstage::time_literals;

TEST(Speed, readsWholeNumbersDecimalsAndMax) {
    EXPECT_EQ(Speed::parse("1"), Speed::realTime());
    EXPECT_EQ(Speed::parse("0.5"), Speed::thousandths(500));
    EXPECT_EQ(Speed::parse("2.25"), Speed::thousandths(2250));
    EXPECT_EQ(Speed::parse("0.001"), Speed::thousandths(1));
    EXPECT_EQ(Speed::parse("1000"), Speed::thousandths(1'000'000));
    EXPECT_EQ(Speed::parse("max"), Speed::unlimited());
}

TEST(Speed, refusesWhatIsNotASpeed) {
    for (const char* text : {"", "0", "0.0004", "1001", "-1", "1.", ".5", "1.2345", "fast", "1e3", "1,5", "99999999999"}) {
        EXPECT_EQ(Speed::parse(text), std::nullopt) << text;
    }
}

TEST(Speed, printsWhatItReadsBack) {
    for (const char* text : {"1", "0.5", "2.25", "0.001", "1000", "max", "12.05"}) {
        ASSERT_TRUE(Speed::parse(text).has_value()) << text;
        EXPECT_EQ(Speed::parse(text)->toString(), text);
    }
}

TEST(Pacer, atRealTimeSimulatedTimeFollowsTheWallClock) {
    const Pacer pacer{Speed::realTime(), 2_s, 100_s};
    EXPECT_EQ(pacer.target(100_s), 2_s);
    EXPECT_EQ(pacer.target(100_s + 250_ms), 2_s + 250_ms);
    EXPECT_EQ(pacer.target(99_s), 2_s) << "a wall clock that steps back does not move the world back";
}

TEST(Pacer, aSpeedFactorScalesBothWays) {
    const Pacer fast{*Speed::parse("4"), 0_s, 0_s};
    EXPECT_EQ(fast.target(1_s), 4_s);
    EXPECT_EQ(fast.wallDelayUntil(2_s, 0_s), 500_ms);
    const Pacer slow{*Speed::parse("0.25"), 0_s, 0_s};
    EXPECT_EQ(slow.target(1_s), 250_ms);
    EXPECT_EQ(slow.wallDelayUntil(1_ms, 0_s), 4_ms);
    EXPECT_EQ(slow.wallDelayUntil(1_ms, 3_ms), 1_ms);
    EXPECT_EQ(slow.wallDelayUntil(1_ms, 9_ms), 0_s) << "already due";
}

TEST(Pacer, theDelayIsNeverShortOfTheEvent) {
    // 1 ns of simulated time at speed 3 needs a third of a nanosecond: wait 1 ns, not 0.
    const Pacer pacer{*Speed::parse("3"), 0_s, 0_s};
    EXPECT_EQ(pacer.wallDelayUntil(1_ns, 0_s), 1_ns);
    EXPECT_GE(pacer.target(pacer.wallDelayUntil(10_ns, 0_s)), 10_ns);
}

TEST(Pacer, unlimitedSpeedNeverWaits) {
    const Pacer pacer{Speed::unlimited(), 5_s, 0_s};
    EXPECT_EQ(pacer.target(0_s), Time::max());
    EXPECT_EQ(pacer.wallDelayUntil(1000_s, 0_s), 0_s);
}

TEST(Pacer, pausingFreezesTheWorldAndResumingContinuesWithoutAJump) {
    Pacer pacer{Speed::realTime(), 0_s, 0_s};
    pacer.pause(3_s, 3_s);
    EXPECT_TRUE(pacer.paused());
    EXPECT_EQ(pacer.target(60_s), 3_s);
    EXPECT_EQ(pacer.wallDelayUntil(4_s, 60_s), Time::max());
    pacer.resume(60_s);
    EXPECT_FALSE(pacer.paused());
    EXPECT_EQ(pacer.target(60_s), 3_s);
    EXPECT_EQ(pacer.target(61_s), 4_s);
}

TEST(Pacer, pausingKeepsTheWorldsOwnClockWhenItLagsBehind) {
    Pacer pacer{Speed::realTime(), 0_s, 0_s};
    pacer.pause(2_s, 5_s);  // the world had only reached 2 s when the pause came at 5 s
    pacer.resume(7_s);
    EXPECT_EQ(pacer.target(8_s), 3_s);
}

TEST(Pacer, changingSpeedContinuesFromTheWorldsClock) {
    Pacer pacer{Speed::unlimited(), 0_s, 0_s};
    pacer.setSpeed(Speed::realTime(), 40_s, 1_s);
    EXPECT_EQ(pacer.target(1_s), 40_s);
    EXPECT_EQ(pacer.target(3_s), 42_s);
    pacer.setSpeed(*Speed::parse("0.5"), 42_s, 3_s);
    EXPECT_EQ(pacer.target(5_s), 43_s);
}

TEST(Pacer, daysOfWallTimeAtTheHighestSpeedDoNotOverflow) {
    const Pacer pacer{*Speed::parse("1000"), 0_s, 0_s};
    const Time day = 86'400_s;
    EXPECT_EQ(pacer.target(day), day * 1000);
    EXPECT_EQ(pacer.target(Time::max()), Time::max());
}
