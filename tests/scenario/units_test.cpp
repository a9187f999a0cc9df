#include <gtest/gtest.h>

#include "simulator/scenario/units.hpp"

using namespace netstage;
using namespace netstage::scenario;
using namespace netstage::time_literals;

TEST(Units, durationsAreExact) {
    EXPECT_EQ(parseDuration("10ms"), 10_ms);
    EXPECT_EQ(parseDuration("1.5s"), 1500_ms);
    EXPECT_EQ(parseDuration("0.1s"), 100_ms);
    EXPECT_EQ(parseDuration("250us"), 250_us);
    EXPECT_EQ(parseDuration("2min"), 120_s);
    EXPECT_EQ(parseDuration("1h"), 3600_s);
    EXPECT_EQ(parseDuration("0"), 0_ns);
    EXPECT_EQ(parseDuration("7 ms"), 7_ms);
}

TEST(Units, badDurationsAreRefused) {
    for (const char* bad : {"", "ten", "10", "10 parsecs", "-1s", "1.5ns", "1e3ms", "ms", "1..2s"}) {
        EXPECT_FALSE(parseDuration(bad).has_value()) << bad;
    }
}

TEST(Units, bitRates) {
    EXPECT_EQ(parseBitRate("10Mbps"), 10'000'000);
    EXPECT_EQ(parseBitRate("56kbps"), 56'000);
    EXPECT_EQ(parseBitRate("1.5Mbps"), 1'500'000);
    EXPECT_EQ(parseBitRate("1Gbps"), 1'000'000'000);
    EXPECT_EQ(parseBitRate("9600"), 9600);
    EXPECT_FALSE(parseBitRate("0").has_value());
    EXPECT_FALSE(parseBitRate("fast").has_value());
}

TEST(Units, probabilities) {
    EXPECT_DOUBLE_EQ(*parseProbability("0.05"), 0.05);
    EXPECT_DOUBLE_EQ(*parseProbability("5%"), 0.05);
    EXPECT_DOUBLE_EQ(*parseProbability("1"), 1.0);
    EXPECT_FALSE(parseProbability("1.5").has_value());
    EXPECT_FALSE(parseProbability("-0.1").has_value());
    EXPECT_FALSE(parseProbability("1e-3").has_value());
    EXPECT_FALSE(parseProbability("lots").has_value());
}
