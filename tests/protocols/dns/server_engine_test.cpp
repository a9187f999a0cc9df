#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "protocols/dns/server_engine.hpp"
#include "protocols/dns/wire_format.hpp"
#include "tests/protocols/dns/dns_test_bytes.hpp"

using namespace netstage::dns;
using namespace netstage::dns::testing;
using namespace std::chrono_literals;

static_assert(netstage::proto::DatagramEngine<ServerEngine>);

namespace {

// What one query gave: the response datagram (empty if none) and the events.
struct Exchange {
    Bytes bytes;
    std::vector<ServerEvent> events;
};

Exchange ask(ServerEngine& server, const Bytes& query) {
    server.receive(query, 0ns);
    Exchange out;
    auto datagrams = server.takeOutput();
    EXPECT_LE(datagrams.size(), 1u) << "one query, at most one response";
    if (!datagrams.empty()) out.bytes = std::move(datagrams.front());
    for (auto e = server.nextEvent(); !netstage::proto::isNeedData(e); e = server.nextEvent()) out.events.push_back(e);
    return out;
}

Zone lectureZone() {
    Zone zone;
    zone.addMx("example.net", 10, "mail.example.net");
    zone.addA("mail.example.net", 0x0A000201);
    zone.addA("example.net", 0x0A000200);
    zone.addMx("crepes.fr", 5, "mx.crepes.fr");  // exchange without an address in the zone
    return zone;
}

Bytes queryFor(const std::string& name, RecordType type, std::uint16_t id = 7) {
    Message q;
    q.id = id;
    q.flags.rd = true;
    q.questions.push_back({name, type, RecordClass::IN});
    return serialize(q);
}

Message answerOf(ServerEngine& server, const Bytes& query) {
    const auto reply = ask(server, query);
    const auto parsed = parse(reply.bytes);
    EXPECT_TRUE(parsed) << parsed.error.reason;
    return parsed ? *parsed.message : Message{};
}

const QueryAnswered& answeredEvent(const Exchange& reply) {
    return std::get<QueryAnswered>(reply.events.back());
}

}  // namespace

TEST(DnsServer, answersTheKnownMxQueryWithTheKnownBytes) {
    ServerEngine server{lectureZone()};
    const auto reply = ask(server, mxQuery());
    EXPECT_EQ(reply.bytes, mxResponse());
    ASSERT_EQ(reply.events.size(), 1u);
    const auto& event = answeredEvent(reply);
    EXPECT_EQ(event.id, 0x1234);
    EXPECT_EQ(event.name, "example.net");
    EXPECT_EQ(event.type, RecordType::MX);
    EXPECT_EQ(event.rcode, Rcode::NoError);
    EXPECT_EQ(event.answers.size(), 1u);
}

TEST(DnsServer, ignoresTheOptRecordDigSends) {
    ServerEngine server{lectureZone()};
    EXPECT_EQ(ask(server, mxQueryWithOpt()).bytes, mxResponse());
}

TEST(DnsServer, answersAnAQueryCaseInsensitivelyEchoingTheAskersSpelling) {
    ServerEngine server{lectureZone()};
    const Message m = answerOf(server, queryFor("MAIL.Example.Net", RecordType::A));
    EXPECT_EQ(m.id, 7);
    EXPECT_TRUE(m.flags.qr);
    EXPECT_TRUE(m.flags.aa);
    EXPECT_TRUE(m.flags.rd);
    EXPECT_FALSE(m.flags.ra);
    EXPECT_EQ(m.flags.rcode, Rcode::NoError);
    ASSERT_EQ(m.answers.size(), 1u);
    EXPECT_EQ(m.answers[0], makeA("MAIL.Example.Net", 0x0A000201, Zone::defaultTtl));
    EXPECT_TRUE(m.additionals.empty());
}

TEST(DnsServer, answersNxDomainForAnUnknownName) {
    ServerEngine server{lectureZone()};
    const auto reply = ask(server, queryFor("nowhere.example.net", RecordType::A));
    EXPECT_EQ(answeredEvent(reply).rcode, Rcode::NxDomain);
    const Message m = *parse(reply.bytes).message;
    EXPECT_EQ(m.flags.rcode, Rcode::NxDomain);
    EXPECT_TRUE(m.answers.empty());
    ASSERT_EQ(m.questions.size(), 1u);
    EXPECT_EQ(m.questions[0].name, "nowhere.example.net");
}

TEST(DnsServer, answersNoDataForAKnownNameWithoutThatType) {
    ServerEngine server{lectureZone()};
    const Message m = answerOf(server, queryFor("mail.example.net", RecordType::MX));
    EXPECT_EQ(m.flags.rcode, Rcode::NoError);
    EXPECT_TRUE(m.answers.empty());
}

TEST(DnsServer, leavesTheAdditionalSectionEmptyForAnExchangeItDoesNotKnow) {
    ServerEngine server{lectureZone()};
    const Message m = answerOf(server, queryFor("crepes.fr", RecordType::MX));
    ASSERT_EQ(m.answers.size(), 1u);
    EXPECT_EQ(std::get<Mx>(m.answers[0].data).exchange, "mx.crepes.fr");
    EXPECT_TRUE(m.additionals.empty());
}

TEST(DnsServer, answersFormErrWhenOnlyTheHeaderIsReadable) {
    ServerEngine server{lectureZone()};
    Bytes broken = mxQuery();
    broken.resize(20);
    const auto reply = ask(server, broken);
    ASSERT_EQ(reply.events.size(), 2u);
    EXPECT_TRUE(std::get<ProtocolError>(reply.events[0]).answered);
    EXPECT_EQ(answeredEvent(reply).rcode, Rcode::FormErr);
    const Message m = *parse(reply.bytes).message;
    EXPECT_EQ(m.id, 0x1234);
    EXPECT_EQ(m.flags.rcode, Rcode::FormErr);
}

TEST(DnsServer, answersFormErrToAQueryWithTwoQuestions) {
    Message q;
    q.id = 9;
    q.questions = {{"a.net", RecordType::A, RecordClass::IN}, {"b.net", RecordType::A, RecordClass::IN}};
    ServerEngine server{lectureZone()};
    EXPECT_EQ(answerOf(server, serialize(q)).flags.rcode, Rcode::FormErr);
}

TEST(DnsServer, answersNotImpForOtherOpcodes) {
    Message q;
    q.id = 3;
    q.flags.opcode = Opcode::Update;
    q.questions.push_back({"example.net", RecordType::A, RecordClass::IN});
    ServerEngine server{lectureZone()};
    const Message m = answerOf(server, serialize(q));
    EXPECT_EQ(m.flags.rcode, Rcode::NotImp);
    EXPECT_EQ(m.flags.opcode, Opcode::Update);
}

TEST(DnsServer, dropsDatagramsWithoutAHeaderAndResponses) {
    ServerEngine server{lectureZone()};
    const auto tiny = ask(server, Bytes{1, 2, 3});
    EXPECT_TRUE(tiny.bytes.empty());
    EXPECT_FALSE(std::get<ProtocolError>(tiny.events.at(0)).answered);
    const auto response = ask(server, mxResponse());
    EXPECT_TRUE(response.bytes.empty());
    EXPECT_FALSE(std::get<ProtocolError>(response.events.at(0)).answered);
}

TEST(DnsServer, truncatesResponsesOverTheUdpLimit) {
    Zone zone;
    for (std::uint32_t i = 0; i < 40; ++i) zone.addA("big.example.net", i);
    ServerEngine udp{zone};
    const auto reply = ask(udp, queryFor("big.example.net", RecordType::A));
    EXPECT_LE(reply.bytes.size(), 512u);
    const Message m = *parse(reply.bytes).message;
    EXPECT_TRUE(m.flags.tc);
    EXPECT_TRUE(answeredEvent(reply).truncated);
    ServerEngine tcp{zone, ServerConfig{65535}};
    EXPECT_EQ(answerOf(tcp, queryFor("big.example.net", RecordType::A)).answers.size(), 40u);
}

TEST(DnsServer, neverThrowsOnCorruptedQueries) {
    ServerEngine server{lectureZone()};
    const Bytes base = mxQueryWithOpt();
    for (std::size_t i = 0; i < base.size(); ++i) {
        for (int v = 0; v < 256; v += 3) {
            Bytes b = base;
            b[i] = static_cast<std::uint8_t>(v);
            EXPECT_NO_THROW((void)ask(server, b));
        }
        EXPECT_NO_THROW((void)ask(server, Bytes(base.begin(), base.begin() + static_cast<std::ptrdiff_t>(i))));
    }
}

TEST(DnsServer, answersEachQueryAtOnceAndThenHasNothingMore) {
    ServerEngine server{lectureZone()};
    server.receive(mxQuery(), 5s);
    server.receive(queryFor("nowhere.example.net", RecordType::A), 5s);
    const auto responses = server.takeOutput();
    ASSERT_EQ(responses.size(), 2u);
    EXPECT_EQ(responses[0], mxResponse());
    EXPECT_EQ(parse(responses[1]).message->flags.rcode, Rcode::NxDomain);
    EXPECT_TRUE(server.takeOutput().empty());
    EXPECT_EQ(std::get<QueryAnswered>(server.nextEvent()).name, "example.net");
    EXPECT_EQ(std::get<QueryAnswered>(server.nextEvent()).name, "nowhere.example.net");
    EXPECT_TRUE(std::holds_alternative<NeedData>(server.nextEvent()));
    EXPECT_FALSE(server.nextTimeout());
}
