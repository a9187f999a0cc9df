// A live run's document grows record by record (Playback::append): whatever
// the chunks, it must end up showing exactly what the same records loaded at
// once show, or follow mode would draw a different network than a replay.

#include <gtest/gtest.h>

#include <vector>

#include "gui/model/playback.hpp"
#include "tests/gui/sample_trace.hpp"

namespace netstage::gui {
namespace {

void expectSame(const Playback& grown, const Playback& whole) {
    ASSERT_EQ(grown.log().records.size(), whole.log().records.size());
    ASSERT_EQ(grown.hops().size(), whole.hops().size());
    for (std::size_t i = 0; i < whole.hops().size(); ++i) {
        const PacketHop& a = grown.hops()[i];
        const PacketHop& b = whole.hops()[i];
        EXPECT_EQ(a.recordIndex, b.recordIndex) << "hop " << i;
        EXPECT_EQ(a.start, b.start) << "hop " << i;
        EXPECT_EQ(a.arrival, b.arrival) << "hop " << i;
        EXPECT_EQ(a.lost, b.lost) << "hop " << i;
        EXPECT_EQ(a.label, b.label) << "hop " << i;
    }
    ASSERT_EQ(grown.drops().size(), whole.drops().size());
    for (std::size_t i = 0; i < whole.drops().size(); ++i) {
        EXPECT_EQ(grown.drops()[i].recordIndex, whole.drops()[i].recordIndex) << "drop " << i;
        EXPECT_EQ(grown.drops()[i].shownFrom, whole.drops()[i].shownFrom) << "drop " << i;
        EXPECT_EQ(grown.drops()[i].onWire, whole.drops()[i].onWire) << "drop " << i;
    }
    EXPECT_EQ(grown.longestHop(), whole.longestHop());
    ASSERT_EQ(grown.transcript().rows.size(), whole.transcript().rows.size());
    for (std::size_t i = 0; i < whole.transcript().rows.size(); ++i) {
        EXPECT_EQ(grown.transcript().rows[i].text, whole.transcript().rows[i].text) << "row " << i;
        EXPECT_EQ(grown.transcript().rows[i].message, whole.transcript().rows[i].message) << "row " << i;
    }
    ASSERT_EQ(grown.messages().size(), whole.messages().size());
    for (std::size_t i = 0; i < whole.messages().size(); ++i) {
        EXPECT_EQ(grown.messages()[i].recordIndex, whole.messages()[i].recordIndex);
    }
    EXPECT_EQ(grown.topology().nodes.size(), whole.topology().nodes.size());
    EXPECT_EQ(grown.topology().links.size(), whole.topology().links.size());
}

// The records [from, to) of a log.
std::vector<trace::Record> slice(const trace::TraceLog& log, std::size_t from, std::size_t to) {
    return {log.records.begin() + static_cast<std::ptrdiff_t>(from), log.records.begin() + static_cast<std::ptrdiff_t>(to)};
}

TEST(PlaybackGrowthTest, recordsAppendedOneByOneShowWhatTheWholeTraceShows) {
    const trace::TraceLog full = testing::smtpSampleTrace();
    const Playback whole{full};
    // From the very first record: even the network is announced while growing.
    trace::TraceLog start = full;
    start.records.clear();
    Playback grown{start};
    bool topologyChanged = false;
    for (std::size_t i = 0; i < full.records.size(); ++i) {
        const auto growth = grown.append(slice(full, i, i + 1), trace::timeOf(full.records[i]));
        EXPECT_EQ(growth.firstRecord, i);
        topologyChanged = topologyChanged || growth.topologyChanged;
    }
    EXPECT_TRUE(topologyChanged);
    expectSame(grown, whole);
    EXPECT_EQ(grown.messages().size(), testing::smtpSampleMessages);
}

TEST(PlaybackGrowthTest, chunksOfEverySizeShowWhatTheWholeTraceShows) {
    const trace::TraceLog full = testing::smtpSampleTrace();
    const Playback whole{full};
    for (std::size_t chunk : {2U, 3U, 7U, 50U}) {
        // The network first (as a live world announces it when built), then the run.
        trace::TraceLog start = full;
        start.records.resize(std::min<std::size_t>(10, full.records.size()));
        Playback grown{start};
        for (std::size_t at = start.records.size(); at < full.records.size(); at += chunk) {
            const std::size_t to = std::min(at + chunk, full.records.size());
            grown.append(slice(full, at, to), trace::timeOf(full.records[to - 1]));
        }
        SCOPED_TRACE(chunk);
        expectSame(grown, whole);
    }
}

TEST(PlaybackGrowthTest, thePresentMovesOnWithoutRecordsAndTheCursorStaysWhereItWas) {
    const trace::TraceLog full = testing::smtpSampleTrace();
    trace::TraceLog start = full;
    start.records.resize(full.records.size() / 2);
    start.end = trace::timeOf(start.records.back());
    Playback grown{start};
    grown.seekPosition(3);
    const Time later = start.end + Time::fromMilliseconds(500);
    const auto growth = grown.append({}, later);
    EXPECT_FALSE(growth.transcriptChanged);
    EXPECT_EQ(grown.endTime(), later);
    EXPECT_EQ(grown.position(), 3U);
    grown.end();
    EXPECT_EQ(grown.time(), later);  // the present, not the last record
    grown.append(slice(full, start.records.size(), full.records.size()), later + Time::fromSeconds(10));
    EXPECT_EQ(grown.position(), start.records.size());  // the new records have not happened for the cursor yet
    grown.end();
    EXPECT_EQ(grown.position(), full.records.size());
}

}  // namespace
}  // namespace netstage::gui
