#include <gtest/gtest.h>

#include "simulator/core/time.hpp"

using namespace netstage;
using namespace netstage::time_literals;

TEST(Time, literalsAreExactNanosecondCounts) {
    EXPECT_EQ((1_s).nanoseconds(), 1'000'000'000);
    EXPECT_EQ((10_ms).nanoseconds(), 10'000'000);
    EXPECT_EQ((7_us).nanoseconds(), 7'000);
    EXPECT_EQ((3_ns).nanoseconds(), 3);
    EXPECT_EQ(1_s, 1000_ms);
}

TEST(Time, arithmeticAndOrdering) {
    EXPECT_EQ(10_ms + 1200_us, Time::fromMicroseconds(11'200));
    EXPECT_LT(1_ns, 1_us);
    EXPECT_EQ((10_ms) * 3, 30_ms);
    EXPECT_EQ((30_ms) / 3, 10_ms);
    EXPECT_EQ((30_ms) / (10_ms), 3);
}

TEST(Time, printsMillisecondsWithoutFloatingPoint) {
    EXPECT_EQ((11'200_us).toMillisecondsString(), "11.200 ms");
    EXPECT_EQ((0_ns).toMillisecondsString(), "0.000 ms");
    EXPECT_EQ(Time::fromNanoseconds(-1'500'000).toMillisecondsString(), "-1.500 ms");
    EXPECT_EQ(Time::fromNanoseconds(1'234'567'891).toSecondsString(), "1.234567891 s");
}

TEST(Time, transmissionTimeOfAFullFrameOnTenMegabit) {
    EXPECT_EQ(transmissionTime(1500, 10'000'000), 1200_us);
    // Rounds up: 1 byte at 3 bit/s is 2.666... s.
    EXPECT_EQ(transmissionTime(1, 3), Time::fromNanoseconds(2'666'666'667));
}
