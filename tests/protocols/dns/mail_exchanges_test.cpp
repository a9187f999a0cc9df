#include <gtest/gtest.h>

#include "protocols/dns/mail_exchanges.hpp"

using namespace netstage::dns;

TEST(DnsMailExchanges, sortsByAscendingPreferenceWithAddresses) {
    const std::vector<ResourceRecord> records{
        makeMx("example.net", 20, "backup.example.net", 60), makeMx("example.net", 10, "mail.example.net", 60),
        makeMx("example.net", 20, "other.example.net", 60), makeA("MAIL.example.net", 0x0A000201, 60),
        makeA("backup.example.net", 0x0A000202, 60)};
    const auto route = mailExchangesFor("Example.NET.", records);
    ASSERT_EQ(route.exchanges.size(), 3u);
    EXPECT_EQ(route.exchanges[0], (MailExchange{10, "mail.example.net", {0x0A000201}}));
    EXPECT_EQ(route.exchanges[1], (MailExchange{20, "backup.example.net", {0x0A000202}}));
    EXPECT_EQ(route.exchanges[2], (MailExchange{20, "other.example.net", {}}));
    EXPECT_FALSE(route.implicitMx);
    EXPECT_FALSE(route.nullMx);
}

TEST(DnsMailExchanges, usesTheARecordAsAnImplicitMx) {
    const auto route = mailExchangesFor("host.example.net", {makeA("host.example.net", 0x0A000003, 60)});
    ASSERT_EQ(route.exchanges.size(), 1u);
    EXPECT_TRUE(route.implicitMx);
    EXPECT_EQ(route.exchanges[0], (MailExchange{0, "host.example.net", {0x0A000003}}));
}

TEST(DnsMailExchanges, reportsANullMxAndNoExchanges) {
    const auto route = mailExchangesFor("example.net", {makeMx("example.net", 0, "", 60), makeA("example.net", 1, 60)});
    EXPECT_TRUE(route.nullMx);
    EXPECT_TRUE(route.exchanges.empty());
}

TEST(DnsMailExchanges, yieldsNothingWithoutMxOrA) {
    const auto route = mailExchangesFor("example.net", {makeMx("elsewhere.net", 5, "mx.elsewhere.net", 60)});
    EXPECT_TRUE(route.exchanges.empty());
    EXPECT_FALSE(route.implicitMx);
}
