#include <gtest/gtest.h>

#include "protocols/dns/server_engine.hpp"
#include "protocols/dns/wire_format.hpp"
#include "tests/protocols/dns/dns_test_bytes.hpp"

using namespace netstage::dns;
using namespace netstage::dns::testing;

namespace {

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

Message answerOf(const ServerEngine& server, const Bytes& query) {
    const auto reply = server.answer(query);
    const auto parsed = parse(reply.bytes);
    EXPECT_TRUE(parsed) << parsed.error.reason;
    return parsed ? *parsed.message : Message{};
}

const QueryAnswered& answeredEvent(const ServerReply& reply) {
    return std::get<QueryAnswered>(reply.events.back());
}

}  // namespace

TEST(DnsServer, answersTheKnownMxQueryWithTheKnownBytes) {
    ServerEngine server{lectureZone()};
    const auto reply = server.answer(mxQuery());
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
    EXPECT_EQ(server.answer(mxQueryWithOpt()).bytes, mxResponse());
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
    const auto reply = server.answer(queryFor("nowhere.example.net", RecordType::A));
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
    const auto reply = server.answer(broken);
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
    const auto tiny = server.answer(Bytes{1, 2, 3});
    EXPECT_TRUE(tiny.bytes.empty());
    EXPECT_FALSE(std::get<ProtocolError>(tiny.events.at(0)).answered);
    const auto response = server.answer(mxResponse());
    EXPECT_TRUE(response.bytes.empty());
    EXPECT_FALSE(std::get<ProtocolError>(response.events.at(0)).answered);
}

TEST(DnsServer, truncatesResponsesOverTheUdpLimit) {
    Zone zone;
    for (std::uint32_t i = 0; i < 40; ++i) zone.addA("big.example.net", i);
    ServerEngine udp{zone};
    const auto reply = udp.answer(queryFor("big.example.net", RecordType::A));
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
            EXPECT_NO_THROW((void)server.answer(b));
        }
        EXPECT_NO_THROW((void)server.answer(Bytes(base.begin(), base.begin() + static_cast<std::ptrdiff_t>(i))));
    }
}
