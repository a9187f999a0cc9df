#include "simulator/trace/fingerprint_sink.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tests/trace/synthetic_run.hpp"

namespace netstage::trace {
namespace {

std::uint64_t fingerprintOf(const TraceLog& log) {
    FingerprintSink sink;
    replay(log, sink);
    return sink.value();
}

PacketRecord& firstPacket(TraceLog& log) { return std::get<PacketRecord>(log.records[0]); }

TEST(Hash64, givesTheSameValueWhetherFedAtOnceOrBlockByBlock) {
    Bytes data(32 * 9);
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 131 + 7);
    Hash64 whole;
    whole.addBlocks(data);
    Hash64 pieces;
    for (std::size_t at = 0; at < data.size(); at += 32) pieces.addBlocks(std::span{data}.subspan(at, 32));
    EXPECT_EQ(whole.value(), pieces.value());
}

TEST(Hash64, changesWithEveryBitOfInput) {
    Bytes data(64, 0);
    std::set<std::uint64_t> values;
    Hash64 zero;
    zero.addBlocks(data);
    values.insert(zero.value());
    for (std::size_t i = 0; i < data.size() * 8; ++i) {
        Bytes flipped = data;
        flipped[i / 8] = static_cast<std::uint8_t>(1 << (i % 8));
        Hash64 h;
        h.addBlocks(flipped);
        values.insert(h.value());
    }
    EXPECT_EQ(values.size(), 1 + data.size() * 8);
}

TEST(Hash64, tellsEmptyInputFromABlockOfZeros) {
    Hash64 empty;
    Hash64 oneBlock;
    oneBlock.addBlocks(Bytes(32, 0));
    EXPECT_NE(empty.value(), oneBlock.value());
}

TEST(FingerprintSink, isStableForAKnownRun) {
    // Pinned: if this changes, every stored fingerprint in the project does too.
    FingerprintSink sink;
    replay(testing_support::smtpConversation(), sink);
    EXPECT_EQ(sink.packetEvents(), 24u);
    EXPECT_EQ(sink.hex(), "e8929b2c050c7279");
    EXPECT_EQ(sink.hex(), toHex64(sink.value()));
}

TEST(FingerprintSink, printsSixteenHexDigits) {
    EXPECT_EQ(toHex64(0), "0000000000000000");
    EXPECT_EQ(toHex64(0x0123456789abcdefULL), "0123456789abcdef");
    EXPECT_EQ(FingerprintSink{}.hex().size(), 16u);
}

TEST(FingerprintSink, isIdenticalForIdenticalRuns) {
    EXPECT_EQ(fingerprintOf(testing_support::smtpConversation()), fingerprintOf(testing_support::smtpConversation()));
}

TEST(FingerprintSink, changesWithTimeNodeActionAndWireBytes) {
    const std::uint64_t base = fingerprintOf(testing_support::smtpConversation());
    auto changed = [&](auto mutate) {
        TraceLog log = testing_support::smtpConversation();
        mutate(log);
        return fingerprintOf(log);
    };
    EXPECT_NE(base, changed([](TraceLog& l) { firstPacket(l).time += Time::fromNanoseconds(1); }));
    EXPECT_NE(base, changed([](TraceLog& l) { firstPacket(l).node = 7; }));
    EXPECT_NE(base, changed([](TraceLog& l) { firstPacket(l).action = PacketAction::Enqueued; }));
    EXPECT_NE(base, changed([](TraceLog& l) { firstPacket(l).packet.ip.ttl = 63; }));
    EXPECT_NE(base, changed([](TraceLog& l) { firstPacket(l).packet.payload.push_back(0); }));
    EXPECT_NE(base, changed([](TraceLog& l) { std::swap(l.records[0], l.records[1]); }));
}

TEST(FingerprintSink, ignoresEventsNamesLinksReasonsAndUids) {
    const std::uint64_t base = fingerprintOf(testing_support::smtpConversation());
    TraceLog log = testing_support::smtpConversation();
    std::erase_if(log.records, [](const Record& r) { return std::holds_alternative<Event>(r); });
    firstPacket(log).nodeName = "renamed";
    firstPacket(log).link = 9;
    firstPacket(log).reason = "loss";
    firstPacket(log).packet.uid = 999;
    EXPECT_EQ(fingerprintOf(log), base);
}

}  // namespace
}  // namespace netstage::trace
