#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "protocols/dns/wire_format.hpp"
#include "tests/protocols/dns/dns_test_bytes.hpp"

using namespace netstage::dns;
using namespace netstage::dns::testing;

namespace {

Message sampleResponse() {
    Message m;
    m.id = 0x1234;
    m.flags.qr = true;
    m.flags.aa = true;
    m.flags.rd = true;
    m.questions.push_back({"example.net", RecordType::MX, RecordClass::IN});
    m.answers.push_back(makeMx("example.net", 10, "mail.example.net", 3600));
    m.additionals.push_back(makeA("mail.example.net", 0x0A000201, 3600));
    return m;
}

Message everyKindOfRecord() {
    Message m = sampleResponse();
    m.flags.opcode = Opcode::Status;
    m.flags.tc = true;
    m.flags.ra = true;
    m.flags.z = 5;
    m.flags.rcode = Rcode::Refused;
    m.answers.push_back(makeMx("Example.NET", 20, "backup.example.org", 60));
    m.authorities.push_back(ResourceRecord{"example.net", RecordType::TXT, RecordClass::IN, 5, Raw{{3, 'a', 'b', 'c'}}});
    m.additionals.push_back(makeOpt(Opt{4096, 1, 0, 0x8000, {0, 10, 0, 0}}));
    return m;
}

}  // namespace

TEST(DnsWireFormat, serializesTheHandBuiltMxQueryToKnownBytes) {
    Message query;
    query.id = 0x1234;
    query.flags.rd = true;
    query.questions.push_back({"example.net", RecordType::MX, RecordClass::IN});
    EXPECT_EQ(serialize(query), mxQuery());
}

TEST(DnsWireFormat, serializesTheMxResponseWithCompressionToKnownBytes) {
    EXPECT_EQ(serialize(sampleResponse()), mxResponse());
}

TEST(DnsWireFormat, parsesTheKnownMxResponseFollowingPointers) {
    const auto parsed = parse(mxResponse());
    ASSERT_TRUE(parsed) << parsed.error.reason;
    EXPECT_EQ(*parsed.message, sampleResponse());
}

TEST(DnsWireFormat, roundTripsWithAndWithoutCompression) {
    for (const bool compress : {true, false}) {
        for (const Message& m : {sampleResponse(), everyKindOfRecord()}) {
            const auto bytes = serialize(m, SerializeOptions{compress});
            const auto parsed = parse(bytes);
            ASSERT_TRUE(parsed) << parsed.error.reason;
            EXPECT_EQ(*parsed.message, m);
            EXPECT_EQ(serialize(*parsed.message, SerializeOptions{compress}), bytes);
        }
    }
}

TEST(DnsWireFormat, compressionMakesTheMessageSmaller) {
    EXPECT_LT(serialize(sampleResponse(), {true}).size(), serialize(sampleResponse(), {false}).size());
}

TEST(DnsWireFormat, readsTheOptRecordFieldsDigSends) {
    const auto parsed = parse(mxQueryWithOpt());
    ASSERT_TRUE(parsed);
    ASSERT_EQ(parsed.message->additionals.size(), 1u);
    const auto& opt = std::get<Opt>(parsed.message->additionals[0].data);
    EXPECT_EQ(opt.udpSize, 1232);
    EXPECT_EQ(parsed.message->additionals[0].type, RecordType::OPT);
}

TEST(DnsWireFormat, rejectsAPointerThatPointsToItself) {
    Bytes b = Bytes{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0} + Bytes{0xc0, 12, 0, 1, 0, 1};
    const auto parsed = parse(b);
    EXPECT_FALSE(parsed);
    EXPECT_NE(parsed.error.reason.find("backwards"), std::string::npos);
}

TEST(DnsWireFormat, rejectsAPointerLoopBetweenTwoNames) {
    // Question name at 12 is "a" then a pointer forward to 18, which points back to 12.
    Bytes b = Bytes{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0} + Bytes{1, 'a', 0xc0, 18, 0, 1, 0xc0, 12, 0, 1};
    EXPECT_FALSE(parse(b));
}

TEST(DnsWireFormat, rejectsAPointerPastTheEnd) {
    Bytes b = Bytes{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0} + Bytes{0xff, 0xff, 0, 1, 0, 1};
    EXPECT_FALSE(parse(b));
}

TEST(DnsWireFormat, rejectsReservedLabelTypes) {
    Bytes b = Bytes{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0} + Bytes{0x41, 'a', 0, 0, 1, 0, 1};
    EXPECT_FALSE(parse(b));
}

TEST(DnsWireFormat, rejectsNamesOver255Octets) {
    Bytes name;
    for (int i = 0; i < 5; ++i) name = name + Bytes{63} + Bytes(63, 'x');  // 320 octets
    Bytes b = Bytes{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0} + name + Bytes{0, 0, 1, 0, 1};
    const auto parsed = parse(b);
    EXPECT_FALSE(parsed);
    EXPECT_NE(parsed.error.reason.find("255"), std::string::npos);
}

TEST(DnsWireFormat, rejectsEveryTruncationOfAValidResponse) {
    const Bytes full = mxResponse();
    for (std::size_t n = 0; n < full.size(); ++n) {
        const Bytes cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
        EXPECT_FALSE(parse(cut)) << "accepted a message cut at " << n;
    }
}

TEST(DnsWireFormat, rejectsAnARecordWhoseDataIsNotFourOctets) {
    Bytes b = mxResponse();
    b[b.size() - 5] = 3;  // RDLENGTH of the trailing A record
    b.pop_back();
    EXPECT_FALSE(parse(b));
}

TEST(DnsWireFormat, reportsTheHeaderOfAMessageWhoseBodyIsBroken) {
    Bytes b = mxQuery();
    b.resize(15);
    EXPECT_FALSE(parse(b));
    const auto header = parseHeader(b);
    ASSERT_TRUE(header);
    EXPECT_EQ(header->id, 0x1234);
    EXPECT_TRUE(header->flags.rd);
    EXPECT_FALSE(parseHeader(Bytes(11, 0)));
}

TEST(DnsWireFormat, neverThrowsOnCorruptedBytesAndRoundTripsWhatItAccepts) {
    // Set each byte of a valid response to every value: parse must return, never
    // throw or crash, and whatever it accepts must serialize and parse back equal.
    int accepted = 0;
    for (const Bytes& base : {mxResponse(), serialize(everyKindOfRecord())}) {
        for (std::size_t i = 0; i < base.size(); ++i) {
            for (int v = 0; v < 256; ++v) {
                Bytes b = base;
                b[i] = static_cast<std::uint8_t>(v);
                ParseResult parsed;
                ASSERT_NO_THROW(parsed = parse(b));
                if (!parsed) continue;
                ++accepted;
                Bytes again;
                ASSERT_NO_THROW(again = serialize(*parsed.message)) << "byte " << i << " = " << v;
                const auto reparsed = parse(again);
                ASSERT_TRUE(reparsed) << "byte " << i << " = " << v << ": " << reparsed.error.reason;
                EXPECT_EQ(*reparsed.message, *parsed.message) << "byte " << i << " = " << v;
            }
        }
    }
    EXPECT_GT(accepted, 1000);  // most single-byte changes (ids, flags, TTLs, letters) stay valid
}

TEST(DnsWireFormat, refusesToSerializeAnOverlongLabel) {
    Message m;
    m.questions.push_back({std::string(64, 'a') + ".net", RecordType::A, RecordClass::IN});
    EXPECT_THROW(serialize(m), std::invalid_argument);
    m.questions[0].name = "a..net";
    EXPECT_THROW(serialize(m), std::invalid_argument);
}
