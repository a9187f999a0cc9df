#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "protocols/dns/resolver.hpp"
#include "protocols/dns/server_engine.hpp"
#include "protocols/dns/wire_format.hpp"

using namespace netstage::dns;
using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;

static_assert(netstage::proto::DatagramEngine<Resolver>);

namespace {

// The server's response to `query` (empty if it sends none).
Bytes answer(const Bytes& query) {
    Zone zone;
    zone.addMx("example.net", 10, "mail.example.net");
    zone.addA("mail.example.net", 0x0A000201);
    ServerEngine server{zone};
    server.receive(query, 0ns);
    auto out = server.takeOutput();
    return out.empty() ? Bytes{} : out.front();
}

// A query started and taken from the resolver's output.
struct Sent {
    QueryId id = 0;
    Bytes bytes;
};

Sent start(Resolver& resolver, const std::string& name, RecordType type, std::chrono::nanoseconds now) {
    const QueryId id = resolver.startQuery(name, type, now);
    auto out = resolver.takeOutput();
    EXPECT_EQ(out.size(), 1u);
    return Sent{id, out.empty() ? Bytes{} : out.front()};
}

// What handleTimeout(now) queued to send again.
std::vector<Bytes> timeout(Resolver& resolver, std::chrono::nanoseconds now) {
    resolver.handleTimeout(now);
    return resolver.takeOutput();
}

std::vector<ResolverEvent> drain(Resolver& resolver) {
    std::vector<ResolverEvent> out;
    for (auto e = resolver.nextEvent(); !netstage::proto::isNeedData(e); e = resolver.nextEvent()) {
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

TEST(DnsResolver, resolvesAnMxQueryAgainstTheServerEngine) {
    Resolver resolver;
    const auto query = start(resolver, "example.net.", RecordType::MX, 0ns);
    EXPECT_EQ(query.id, 1);
    resolver.receive(answer(query.bytes), 1ms);
    const auto events = drain(resolver);
    ASSERT_EQ(events.size(), 1u);
    const auto& resolved = std::get<Resolved>(events[0]);
    EXPECT_EQ(resolved.name, "example.net");
    ASSERT_EQ(resolved.records.size(), 1u);
    EXPECT_EQ(std::get<Mx>(resolved.records[0].data).exchange, "mail.example.net");
    ASSERT_EQ(resolved.additionals.size(), 1u);
    EXPECT_EQ(resolver.outstanding(), 0u);
    EXPECT_FALSE(resolver.nextTimeout());
}

TEST(DnsResolver, usesSequentialIdsOrTheCallersSource) {
    ResolverConfig countingConfig;
    countingConfig.firstId = 100;
    Resolver counting{countingConfig};
    EXPECT_EQ(start(counting, "a.net", RecordType::A, 0ns).id, 100);
    EXPECT_EQ(start(counting, "b.net", RecordType::A, 0ns).id, 101);
    std::uint16_t next = 500;
    ResolverConfig sourcedConfig;
    sourcedConfig.idSource = [&next] { return next = static_cast<std::uint16_t>(next + 7); };
    Resolver sourced{sourcedConfig};
    EXPECT_EQ(start(sourced, "a.net", RecordType::A, 0ns).id, 507);
}

TEST(DnsResolver, reportsNxDomainAsANameError) {
    Resolver resolver;
    const auto query = start(resolver, "nowhere.net", RecordType::A, 0ns);
    resolver.receive(answer(query.bytes), 1ms);
    const auto events = drain(resolver);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(std::get<NameError>(events[0]).name, "nowhere.net");
}

TEST(DnsResolver, reportsServFailAsATemporaryFailure) {
    Resolver resolver;
    const auto query = start(resolver, "example.net", RecordType::A, 0ns);
    Message response = *parse(query.bytes).message;
    response.flags.qr = true;
    response.flags.rcode = Rcode::ServFail;
    resolver.receive(serialize(response), 1ms);
    const auto events = drain(resolver);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_NE(std::get<Failed>(events[0]).reason.find("SERVFAIL"), std::string::npos);
}

TEST(DnsResolver, retransmitsOnTimeoutThenFails) {
    ResolverConfig config;
    config.timeout = 2s;
    config.attempts = 3;
    Resolver resolver{config};
    const auto query = start(resolver, "example.net", RecordType::MX, 1s);
    EXPECT_EQ(resolver.nextTimeout(), 3s);
    EXPECT_TRUE(timeout(resolver, 2s).empty());  // too early: nothing happens
    auto again = timeout(resolver, 3s);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0], query.bytes);
    EXPECT_EQ(resolver.nextTimeout(), 5s);
    EXPECT_EQ(timeout(resolver, 5s).size(), 1u);
    EXPECT_TRUE(drain(resolver).empty());
    EXPECT_TRUE(timeout(resolver, 7s).empty());
    const auto events = drain(resolver);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_NE(std::get<Failed>(events[0]).reason.find("3 attempts"), std::string::npos);
    EXPECT_FALSE(resolver.nextTimeout());
}

TEST(DnsResolver, acceptsAnAnswerToARetransmission) {
    Resolver resolver;
    const auto query = start(resolver, "example.net", RecordType::MX, 0ns);
    (void)timeout(resolver, 2s);
    resolver.receive(answer(query.bytes), 3s);
    const auto events = drain(resolver);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<Resolved>(events[0]));
}

TEST(DnsResolver, ignoresAResponseWithAnUnknownId) {
    Resolver resolver;
    const auto query = start(resolver, "example.net", RecordType::MX, 0ns);
    Bytes reply = answer(query.bytes);
    reply[1] ^= 0x55;
    resolver.receive(reply, 1ms);
    const auto events = drain(resolver);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<ResponseIgnored>(events[0]));
    EXPECT_EQ(resolver.outstanding(), 1u);
}

TEST(DnsResolver, ignoresAResponseToADifferentQuestion) {
    Resolver resolver;
    const auto query = start(resolver, "example.net", RecordType::MX, 0ns);
    Message other;
    other.id = query.id;
    other.questions.push_back({"example.net", RecordType::A, RecordClass::IN});
    resolver.receive(answer(serialize(other)), 1ms);
    EXPECT_TRUE(std::holds_alternative<ResponseIgnored>(drain(resolver).at(0)));
    EXPECT_EQ(resolver.outstanding(), 1u);
}

TEST(DnsResolver, ignoresCorruptAndPartialDatagramsWithoutThrowing) {
    Resolver resolver;
    const auto query = start(resolver, "example.net", RecordType::MX, 0ns);
    const Bytes reply = answer(query.bytes);
    for (std::size_t n = 0; n < reply.size(); ++n) {
        EXPECT_NO_THROW(resolver.receive(Bytes(reply.begin(), reply.begin() + static_cast<std::ptrdiff_t>(n)), 1ms));
    }
    for (const auto& e : drain(resolver)) EXPECT_TRUE(std::holds_alternative<ResponseIgnored>(e));
    EXPECT_EQ(resolver.outstanding(), 1u);
    resolver.receive(query.bytes, 1ms);  // our own query echoed back
    EXPECT_TRUE(std::holds_alternative<ResponseIgnored>(drain(resolver).at(0)));
    resolver.receive(reply, 2ms);
    EXPECT_TRUE(std::holds_alternative<Resolved>(drain(resolver).at(0)));
}

TEST(DnsResolver, queuesEachQueryForTakeOutputOnceAndInOrder) {
    Resolver resolver;
    const QueryId first = resolver.startQuery("a.net", RecordType::A, 0ns);
    const QueryId second = resolver.startQuery("b.net", RecordType::MX, 0ns);
    const auto out = resolver.takeOutput();
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(parse(out[0]).message->id, first);
    EXPECT_EQ(parse(out[0]).message->questions.at(0).name, "a.net");
    EXPECT_EQ(parse(out[1]).message->id, second);
    EXPECT_EQ(parse(out[1]).message->questions.at(0).type, RecordType::MX);
    EXPECT_TRUE(resolver.takeOutput().empty());
}
