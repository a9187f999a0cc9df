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

TEST(PcapWriter, writesARecordHeaderWithSimulatedTimeAndTheWireBytes) {
    const TraceLog log = testing_support::tinyRun();
    auto sent = std::get<PacketRecord>(log.records[0]);
    sent.time = Time::fromNanoseconds(3'234'567'891);
    std::ostringstream out;
    PcapWriter writer{out};
    writer.onPacket(sent.view());
    const Bytes file = bytesOf(out.str());
    const Bytes wire = toWire(sent.packet);
    ASSERT_EQ(file.size(), 24 + 16 + wire.size());
    const Bytes recordHeader{
        0x03, 0x00, 0x00, 0x00,  // 3 s
        0x47, 0x94, 0x03, 0x00,  // 234567 us (truncated, not rounded)
        0x2c, 0x00, 0x00, 0x00,  // captured length 44
        0x2c, 0x00, 0x00, 0x00,  // original length 44
    };
    EXPECT_EQ(Bytes(file.begin() + 24, file.begin() + 40), recordHeader);
    EXPECT_EQ(Bytes(file.begin() + 40, file.end()), wire);
}

TEST(PcapWriter, writesOnlySentPacketsAndNoEvents) {
    const TraceLog log = testing_support::smtpConversation();
    std::ostringstream out;
    PcapWriter writer{out};
    replay(log, writer);
    std::size_t sentBytes = 0;
    std::size_t sentCount = 0;
    for (const Record& r : log.records) {
        const auto* p = std::get_if<PacketRecord>(&r);
        if (p && p->action == PacketAction::Sent) {
            sentBytes += 16 + p->packet.wireSize();
            ++sentCount;
        }
    }
    EXPECT_EQ(sentCount, 12u);
    EXPECT_EQ(writer.packetsWritten(), sentCount);
    EXPECT_EQ(out.str().size(), 24 + sentBytes);
}

}  // namespace
}  // namespace netstage::trace
