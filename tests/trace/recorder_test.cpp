#include "simulator/trace/recorder.hpp"

#include <gtest/gtest.h>

#include "tests/trace/synthetic_run.hpp"

namespace netstage::trace {
namespace {

TEST(Recorder, keepsOwnedCopiesOfEveryRecordInOrder) {
    const TraceLog original = testing_support::smtpConversation();
    Recorder recorder;
    {
        // Feed it through a Tracer from short-lived packets and names, as a
        // live run would, so the recorder must copy.
        Tracer tracer;
        tracer.addSink(recorder);
        tracer.start(original.header);
        for (const Record& record : original.records) {
            if (const auto* p = std::get_if<PacketRecord>(&record)) {
                const Packet temporary = p->packet;
                const std::string name = p->nodeName;
                tracer.packet(PacketEvent{p->time, p->node, name, p->link, p->action, p->reason, temporary});
            } else {
                tracer.event(std::get<Event>(record));
            }
        }
        tracer.finish(original.end);
    }
    EXPECT_TRUE(recorder.finished());
    ASSERT_EQ(recorder.records().size(), original.records.size());
    EXPECT_TRUE(recorder.log() == original);
}

TEST(Recorder, replayReproducesTheRecordedRun) {
    const TraceLog original = testing_support::tinyRun();
    Recorder recorder;
    replay(original, recorder);
    EXPECT_TRUE(recorder.log() == original);
    recorder.clear();
    EXPECT_TRUE(recorder.records().empty());
    EXPECT_FALSE(recorder.finished());
}

TEST(Recorder, packetRecordsDifferWhenAnyFieldDiffers) {
    const TraceLog log = testing_support::tinyRun();
    const auto& base = std::get<PacketRecord>(log.records[0]);
    EXPECT_TRUE(base == base);
    auto other = base;
    other.packet.payload.push_back(1);
    EXPECT_FALSE(base == other);
    other = base;
    other.packet.uid++;
    EXPECT_FALSE(base == other);
    other = base;
    other.reason = "loss";
    EXPECT_FALSE(base == other);
    other = base;
    other.packet.ip.ttl--;
    EXPECT_FALSE(base == other);
}

}  // namespace
}  // namespace netstage::trace
