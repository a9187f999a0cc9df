#include "gui/model/format.hpp"

#include <gtest/gtest.h>

namespace netstage::gui {
namespace {

using namespace netstage::time_literals;

TEST(Format, connectionsAreShownFromTheirHostsSide) {
    EXPECT_EQ(formatConnection("10.0.1.10:49152-10.0.2.10:25"), ":49152 \u2192 10.0.2.10:25");
    EXPECT_EQ(formatConnection("10.0.2.10:110-0.0.0.0:0"), "listening on :110");
    EXPECT_EQ(formatConnection("not a connection"), "not a connection");
    EXPECT_EQ(formatConnection("a-b"), "a-b");
}

TEST(Format, ratesUseTheLargestWholeUnit) {
    EXPECT_EQ(formatRate(10'000'000), "10 Mbit/s");
    EXPECT_EQ(formatRate(1'500'000), "1.5 Mbit/s");
    EXPECT_EQ(formatRate(56'000), "56 kbit/s");
    EXPECT_EQ(formatRate(1'000'000'000), "1 Gbit/s");
    EXPECT_EQ(formatRate(300), "300 bit/s");
}

TEST(Format, delaysDropTrailingZeros) {
    EXPECT_EQ(formatDelay(10_ms), "10 ms");
    EXPECT_EQ(formatDelay(1500_us), "1.5 ms");
    EXPECT_EQ(formatDelay(250_us), "250 \u00b5s");
    EXPECT_EQ(formatDelay(2_s), "2 s");
}

TEST(Format, linkLabelJoinsRateAndDelay) { EXPECT_EQ(formatLinkLabel(10'000'000, 10_ms), "10 Mbit/s \u00b7 10 ms"); }

TEST(Format, clockIsAlwaysInMillisecondsWithMicrosecondDigits) {
    EXPECT_EQ(formatClock(Time::fromNanoseconds(1'234'567'890)), "t = 1234.567 ms");
    EXPECT_EQ(formatClock(Time::zero()), "t = 0.000 ms");
    EXPECT_EQ(formatClock(90_s), "t = 90000.000 ms");
}

TEST(Format, bytes) {
    EXPECT_EQ(formatBytes(498), "498 B");
    EXPECT_EQ(formatBytes(12'300), "12.3 kB");
}

}  // namespace
}  // namespace netstage::gui

namespace netstage::gui {
namespace {

TEST(Format, namesAConnectionForAFilterByItsHostsAndProtocol) {
    EXPECT_EQ(formatConnectionChoice("smtp", "session", "10.0.1.2:49152-10.0.1.10:25", "alice-pc", "crepes.fr"),
              "SMTP  alice-pc:49152 \u2192 crepes.fr:25");
    EXPECT_EQ(formatConnectionChoice("ftp", "data", "10.0.1.2:49154-10.0.2.21:50000", "student-pc", ""),
              "FTP data  student-pc:49154 \u2192 10.0.2.21:50000");
    EXPECT_EQ(formatConnectionChoice("dns", "", "10.0.1.10:53000-dns", "", ""), "DNS  10.0.1.10:53000 \u2192 dns");
    EXPECT_EQ(formatConnectionChoice("dns", "", "10.0.1.10:53000-dns", "crepes.fr", ""), "DNS  crepes.fr:53000 \u2192 dns");
    EXPECT_EQ(formatConnectionChoice("imap", "", "no dash", "a", "b"), "IMAP  no dash");
}

}  // namespace
}  // namespace netstage::gui
