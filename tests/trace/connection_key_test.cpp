#include "simulator/trace/connection_key.hpp"

#include <gtest/gtest.h>

namespace netstage::trace {
namespace {

const Endpoint client{Ipv4Address{10, 0, 1, 2}, 49152};
const Endpoint server{Ipv4Address{10, 0, 2, 10}, 25};

TEST(ConnectionKey, printsTheClientEndFirst) {
    EXPECT_EQ((ConnectionKey{client, server}.toString()), "10.0.1.2:49152-10.0.2.10:25");
}

TEST(ConnectionKey, readsBackWhatItPrints) {
    const ConnectionKey key{client, server};
    const auto parsed = ConnectionKey::parse(key.toString());
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, key);
    EXPECT_EQ(parsed->client, client);
    EXPECT_EQ(parsed->server, server);
}

TEST(ConnectionKey, isTheSameKeyFromEitherEndAndPrintsThatEndFirstWhenAsked) {
    // TCP at the server and at the client names one connection two ways round.
    const ConnectionKey atServer = ConnectionKey::seenFrom(ConnectionSide::Server, server, client);
    const ConnectionKey atClient = ConnectionKey::seenFrom(ConnectionSide::Client, client, server);
    EXPECT_EQ(atServer, atClient);
    EXPECT_EQ(atServer.toString(ConnectionSide::Server), "10.0.2.10:25-10.0.1.2:49152");
    EXPECT_EQ(atClient.toString(ConnectionSide::Client), "10.0.1.2:49152-10.0.2.10:25");
    EXPECT_EQ(atServer.toString(), "10.0.1.2:49152-10.0.2.10:25");
    const auto read = ConnectionKey::parse("10.0.2.10:25-10.0.1.2:49152", ConnectionSide::Server);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->client, client);
    EXPECT_EQ(read->server, server);
}

TEST(ConnectionKey, joinsItsTwoEndsInEitherDirection) {
    const ConnectionKey key{client, server};
    EXPECT_TRUE(key.joins(client, server));
    EXPECT_TRUE(key.joins(server, client));
    EXPECT_FALSE(key.joins(client, Endpoint{server.address, 110}));
}

TEST(ConnectionKey, rejectsAnythingButTwoEndpoints) {
    for (const char* text : {"", "-", "10.0.1.2:49152", "10.0.1.2:49152-", "-10.0.2.10:25", "10.0.1.2-10.0.2.10:25",
                             "10.0.1.2:49152-10.0.2.10:", "10.0.1.2:65536-10.0.2.10:25", "10.0.1.2:+25-10.0.2.10:25",
                             "10.0.1.2:49152 -10.0.2.10:25", "10.0.1.2:49152-10.0.2.10:25x", "10.0.1.256:1-10.0.2.10:25",
                             "10.0.1.2:49152-10.0.2.10:25-10.0.0.1:1", "10.0.1.2:5353-dns", "a-b", "10.0.1.2:025-10.0.2.10:25"}) {
        EXPECT_FALSE(ConnectionKey::parse(text)) << '"' << text << '"';
        EXPECT_FALSE(parseConnectionEnds(text)) << '"' << text << '"';
    }
}

TEST(ConnectionKey, endsComeInTheOrderTheTextNamesThem) {
    // A listener, as TCP names it: its own end, and no remote end yet.
    const auto ends = parseConnectionEnds("10.0.2.10:25-0.0.0.0:0");
    ASSERT_TRUE(ends);
    EXPECT_EQ(ends->first, server);
    EXPECT_EQ(ends->second, Endpoint{});
    EXPECT_EQ(parseEndpoint("10.0.2.10:25"), server);
    EXPECT_FALSE(parseEndpoint("10.0.2.10"));
}

}  // namespace
}  // namespace netstage::trace
