#include "simulator/trace/pcap_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "simulator/packet/wire_format.hpp"
#include "tests/trace/synthetic_run.hpp"

namespace netstage::trace {
namespace {

Bytes bytesOf(const std::string& s) { return Bytes(s.begin(), s.end()); }

const Bytes globalHeader{
    0xd4, 0xc3, 0xb2, 0xa1,  // magic a1b2c3d4, little-endian
    0x02, 0x00, 0x04, 0x00,  // version 2.4
    0x00, 0x00, 0x00, 0x00,  // thiszone
    0x00, 0x00, 0x00, 0x00,  // sigfigs
    0xff, 0xff, 0x00, 0x00,  // snaplen 65535
    0x65, 0x00, 0x00, 0x00,  // LINKTYPE_RAW
};

TEST(PcapWriter, writesTheGlobalHeaderEvenForAnEmptyRun) {
    std::ostringstream out;
    PcapWriter writer{out};
    writer.onFinish(Time::zero());
    EXPECT_EQ(bytesOf(out.str()), globalHeader);
    EXPECT_EQ(writer.packetsWritten(), 0u);
}

// A packet's trip as the trace records it: sent by node 0, forwarded by
// router 1 (TTL one less), received by node 2.
std::vector<PacketRecord> acrossARouter() {
    const TraceLog log = testing_support::tinyRun();
    PacketRecord sent = std::get<PacketRecord>(log.records[0]);
    sent.node = 0;
    sent.nodeName = "a";
    sent.action = PacketAction::Sent;
    PacketRecord forwarded = sent;
    forwarded.time += Time::fromMilliseconds(1);
    forwarded.node = 1;
    forwarded.nodeName = "router";
    forwarded.action = PacketAction::Forwarded;
    --forwarded.packet.ip.ttl;
    PacketRecord received = forwarded;
    received.time += Time::fromMilliseconds(1);
    received.node = 2;
    received.nodeName = "b";
    received.action = PacketAction::Received;
    return {sent, forwarded, received};
}

TEST(PcapWriter, writesARecordHeaderWithTheWorldsDateAndTheWireBytes) {
    std::vector<PacketRecord> trip = acrossARouter();
    trip[2].time = Time::fromNanoseconds(3'234'567'891);
    std::ostringstream out;
    PcapWriter writer{out};
    for (const auto& r : trip) writer.onPacket(r.view());
    const Bytes file = bytesOf(out.str());
    const Bytes wire = toWire(trip[2].packet);
    ASSERT_EQ(file.size(), 24 + 16 + wire.size());
    // 2020-02-20T09:00:03Z = 1582189203 = 0x5e4e4a93
    const Bytes recordHeader{
        0x93, 0x4a, 0x4e, 0x5e,  // 3 s after the world's epoch
        0x47, 0x94, 0x03, 0x00,  // 234567 us (truncated, not rounded)
        0x2c, 0x00, 0x00, 0x00,  // captured length 44
        0x2c, 0x00, 0x00, 0x00,  // original length 44
    };
    EXPECT_EQ(Bytes(file.begin() + 24, file.begin() + 40), recordHeader);
    EXPECT_EQ(Bytes(file.begin() + 40, file.end()), wire);
}

TEST(PcapWriter, writesEachPacketOnceAsItIsReceivedAndNoEvents) {
    const TraceLog log = testing_support::smtpConversation();
    std::ostringstream out;
    PcapWriter writer{out};
    replay(log, writer);
    std::size_t receivedBytes = 0;
    std::size_t receivedCount = 0;
    for (const Record& r : log.records) {
        const auto* p = std::get_if<PacketRecord>(&r);
        if (p && p->action == PacketAction::Received) {
            receivedBytes += 16 + p->packet.wireSize();
            ++receivedCount;
        }
    }
    EXPECT_EQ(receivedCount, 12u);
    EXPECT_EQ(writer.packetsWritten(), receivedCount);
    EXPECT_EQ(out.str().size(), 24 + receivedBytes);
}

TEST(PcapWriter, leavesOutAPacketLostOnTheWire) {
    std::vector<PacketRecord> trip = acrossARouter();
    PacketRecord lost = trip[1];  // the router put it on the next link, and it never arrived
    lost.time += Time::fromMilliseconds(1);
    lost.action = PacketAction::Dropped;
    lost.reason = "loss";
    std::ostringstream out;
    PcapWriter writer{out};
    for (const auto& r : {trip[0], trip[1], lost}) writer.onPacket(r.view());
    EXPECT_EQ(writer.packetsWritten(), 0u);
    EXPECT_EQ(out.str().size(), 24u);
}

TEST(PcapWriter, atARouterWritesThePacketComingInWithItsTtlAndGoingOutWithOneLess) {
    const std::vector<PacketRecord> trip = acrossARouter();
    std::ostringstream out;
    PcapWriter writer{out, PcapCapture{"router"}};
    for (const auto& r : trip) writer.onPacket(r.view());
    ASSERT_EQ(writer.packetsWritten(), 2u);
    const Bytes file = bytesOf(out.str());
    const Bytes in = toWire(trip[0].packet);
    const Bytes outgoing = toWire(trip[1].packet);
    ASSERT_EQ(file.size(), 24 + 16 + in.size() + 16 + outgoing.size());
    EXPECT_EQ(Bytes(file.begin() + 40, file.begin() + 40 + static_cast<std::ptrdiff_t>(in.size())), in);
    EXPECT_EQ(Bytes(file.end() - static_cast<std::ptrdiff_t>(outgoing.size()), file.end()), outgoing);
}

TEST(PcapWriter, atAHostWritesWhatItSendsAndWhatItReceivesOnly) {
    const std::vector<PacketRecord> trip = acrossARouter();
    std::ostringstream atSender;
    PcapWriter sender{atSender, PcapCapture{"a"}};
    std::ostringstream atReceiver;
    PcapWriter receiver{atReceiver, PcapCapture{"b"}};
    std::ostringstream atBystander;
    PcapWriter bystander{atBystander, PcapCapture{"c"}};
    for (const auto& r : trip) {
        sender.onPacket(r.view());
        receiver.onPacket(r.view());
        bystander.onPacket(r.view());
    }
    EXPECT_EQ(sender.packetsWritten(), 1u);
    EXPECT_EQ(receiver.packetsWritten(), 1u);
    EXPECT_EQ(bystander.packetsWritten(), 0u);
}

}  // namespace
}  // namespace netstage::trace
