#include "simulator/packet/ipv4_network.hpp"

#include <gtest/gtest.h>

namespace netstage {
namespace {

TEST(Ipv4Network, parsesCidrAndABareAddress) {
    const auto lan = Ipv4Network::parse("10.0.1.0/24");
    ASSERT_TRUE(lan.has_value());
    EXPECT_EQ(lan->toString(), "10.0.1.0/24");
    EXPECT_TRUE(lan->contains(*Ipv4Address::parse("10.0.1.2")));
    EXPECT_TRUE(lan->contains(*Ipv4Address::parse("10.0.1.255")));
    EXPECT_FALSE(lan->contains(*Ipv4Address::parse("10.0.2.2")));
    const auto host = Ipv4Network::parse("10.0.99.2");
    ASSERT_TRUE(host.has_value());
    EXPECT_EQ(host->prefixLength, 32);
    EXPECT_TRUE(host->contains(*Ipv4Address::parse("10.0.99.2")));
    EXPECT_FALSE(host->contains(*Ipv4Address::parse("10.0.99.3")));
    const auto everyone = Ipv4Network::parse("0.0.0.0/0");
    ASSERT_TRUE(everyone.has_value());
    EXPECT_TRUE(everyone->contains(*Ipv4Address::parse("192.0.2.7")));
}

TEST(Ipv4Network, refusesWhatIsNoNetwork) {
    EXPECT_FALSE(Ipv4Network::parse("10.0.1.5/24"));  // host bits set
    EXPECT_FALSE(Ipv4Network::parse("10.0.1.0/33"));
    EXPECT_FALSE(Ipv4Network::parse("10.0.1.0/"));
    EXPECT_FALSE(Ipv4Network::parse("10.0.1.0/2x"));
    EXPECT_FALSE(Ipv4Network::parse("10.0.1/24"));
}

TEST(Ipv4Network, theNetworkAnAddressIsIn) {
    EXPECT_EQ(Ipv4Network::containing(*Ipv4Address::parse("10.0.1.10"), 24).toString(), "10.0.1.0/24");
}

}  // namespace
}  // namespace netstage
