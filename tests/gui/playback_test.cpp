#include "gui/model/playback.hpp"

#include <gtest/gtest.h>

#include "tests/gui/sample_trace.hpp"

namespace netstage::gui {
namespace {

using namespace netstage::time_literals;
using testing::smtpSampleMessages;
using testing::smtpSampleTrace;

struct Snapshot {
    std::size_t position;
    Time time;
    WorldState state;
    std::optional<std::size_t> message;
    std::string caption;
    std::size_t inFlight;
    friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

Snapshot snapshot(const Playback& p) {
    return {p.position(), p.time(), p.state(), p.currentMessage(), p.caption(), p.hopsInFlight().size()};
}

TEST(Playback, startsAtTheBeginningWithNothingHappened) {
    const Playback p{smtpSampleTrace()};
    EXPECT_EQ(p.position(), 0u);
    EXPECT_EQ(p.time(), Time::zero());
    EXPECT_FALSE(p.currentMessage().has_value());
    EXPECT_TRUE(p.state().hosts().empty());
    EXPECT_EQ(p.messages().size(), smtpSampleMessages);
}

TEST(Playback, nextMessageVisitsEveryApplicationLineInOrderThenStops) {
    Playback p{smtpSampleTrace()};
    for (std::size_t i = 0; i < smtpSampleMessages; ++i) {
        ASSERT_TRUE(p.nextMessage());
        ASSERT_EQ(p.currentMessage(), i);
        EXPECT_EQ(p.time(), p.messages()[i].time);
        EXPECT_EQ(p.position(), p.messages()[i].recordIndex + 1);
    }
    EXPECT_EQ(p.messages().front().display(), "S: 220 hamburger.edu");
    EXPECT_EQ(p.messages().back().display(), "S: 221 hamburger.edu closing connection");
    const Snapshot last = snapshot(p);
    EXPECT_FALSE(p.nextMessage());
    EXPECT_EQ(snapshot(p), last);
}

TEST(Playback, linesArrivingInOneSegmentAreStillSteppedOneByOne) {
    Playback p{smtpSampleTrace()};
    p.seekMessage(9);
    EXPECT_EQ(p.messages()[9].text, "Do you like ketchup?");
    EXPECT_EQ(p.messages()[10].time, p.messages()[9].time);
    ASSERT_TRUE(p.nextMessage());
    EXPECT_EQ(p.currentMessage(), 10u);
    EXPECT_EQ(p.messages()[*p.currentMessage()].text, "How about pickles?");
}

TEST(Playback, previousMessageReturnsToExactlyTheSameState) {
    Playback p{smtpSampleTrace()};
    for (std::size_t i = 0; i + 1 < smtpSampleMessages; ++i) {
        p.seekMessage(i);
        const Snapshot before = snapshot(p);
        ASSERT_TRUE(p.nextMessage());
        ASSERT_TRUE(p.previousMessage());
        EXPECT_EQ(snapshot(p), before) << "at message " << i;
    }
}

TEST(Playback, previousMessageFromTheFirstLineGoesHomeThenStops) {
    Playback p{smtpSampleTrace()};
    p.seekMessage(0);
    ASSERT_TRUE(p.previousMessage());
    EXPECT_EQ(p.position(), 0u);
    EXPECT_EQ(p.time(), Time::zero());
    EXPECT_FALSE(p.previousMessage());
}

TEST(Playback, previousMessageAfterPlayingOnReturnsToTheCurrentLineFirst) {
    Playback p{smtpSampleTrace()};
    p.seekMessage(4);  // the server's reply; the next line is 40 ms away
    p.seekTime(p.messages()[4].time + 1_ms);
    ASSERT_EQ(p.currentMessage(), 4u);
    ASSERT_TRUE(p.previousMessage());
    EXPECT_EQ(p.currentMessage(), 4u);
    EXPECT_EQ(p.time(), p.messages()[4].time);
}

TEST(Playback, aStateReachedGoingBackEqualsTheStateReachedGoingForward) {
    Playback forward{smtpSampleTrace()};
    Playback backward{smtpSampleTrace()};
    backward.end();
    for (Time t = forward.endTime(); t > Time::zero(); t = t - 7_ms) {
        forward.home();
        forward.seekTime(t);
        backward.seekTime(t);
        ASSERT_EQ(snapshot(backward), snapshot(forward)) << t.toMillisecondsString();
    }
}

TEST(Playback, nextAndPreviousPacketStepOverEveryHop) {
    Playback p{smtpSampleTrace()};
    std::size_t steps = 0;
    while (p.nextPacket()) {
        ++steps;
        ASSERT_EQ(p.position(), p.hops()[steps - 1].recordIndex + 1);
        ASSERT_EQ(p.hopsInFlight().back(), &p.hops()[steps - 1]) << "the new hop is on the wire";
    }
    EXPECT_EQ(steps, p.hops().size());
    std::size_t back = 0;
    while (p.previousPacket()) ++back;
    EXPECT_EQ(back, steps);
    EXPECT_EQ(p.position(), 0u);
}

TEST(Playback, mailboxFillsAndQueueEmptiesAsTheMessageMoves) {
    Playback p{smtpSampleTrace()};
    p.seekTime(Time::zero());
    ASSERT_NE(p.state().host("crepes.fr"), nullptr);
    EXPECT_EQ(p.state().host("crepes.fr")->queueCount(), 1u);
    EXPECT_EQ(p.state().host("hamburger.edu"), nullptr);

    p.seekMessage(11);  // the final "." of the body: stored right after it
    EXPECT_EQ(p.state().host("hamburger.edu")->mailboxCount(), 0u);
    p.seekMessage(12);  // 250 Message accepted
    EXPECT_EQ(p.state().host("hamburger.edu")->mailboxCount(), 1u);
    EXPECT_EQ(p.state().host("hamburger.edu")->mailboxes.at("bob").front().subject, "ketchup");
    EXPECT_EQ(p.state().host("crepes.fr")->queueCount(), 1u) << "not relayed before the 250";

    p.seekTime(p.time() + 30_ms);  // the 250 reached crepes.fr
    EXPECT_EQ(p.state().host("crepes.fr")->queueCount(), 0u);

    p.home();
    EXPECT_TRUE(p.state().hosts().empty());
}

TEST(Playback, tcpStatesAreThoseAsOfTheCursor) {
    Playback p{smtpSampleTrace()};
    p.seekMessage(0);
    EXPECT_EQ(p.state().host("crepes.fr")->connections.at("10.0.1.2:49152-10.0.2.10:25"), "ESTABLISHED");
    EXPECT_EQ(p.state().host("hamburger.edu")->connections.at("10.0.2.10:25-10.0.1.2:49152"), "ESTABLISHED");
    p.end();
    EXPECT_EQ(p.state().host("crepes.fr")->connections.at("10.0.1.2:49152-10.0.2.10:25"), "CLOSED");
    EXPECT_EQ(p.state().host("hamburger.edu")->connections.at("10.0.2.10:25-10.0.1.2:49152"), "TIME-WAIT");
}

TEST(Playback, captionIsTheLastOneThatHasHappened) {
    Playback p{smtpSampleTrace()};
    EXPECT_EQ(p.caption(), "");
    p.seekTime(Time::zero());
    EXPECT_NE(p.caption().find("queue"), std::string::npos);
    p.seekMessage(9);
    EXPECT_EQ(p.caption(), "The body follows DATA and ends with a line holding a single dot");
    p.previousMessage();
    EXPECT_EQ(p.caption(), "crepes.fr opens a TCP connection to hamburger.edu, port 25");
}

TEST(Playback, packetsAreInFlightBetweenSendingAndArrival) {
    Playback p{smtpSampleTrace()};
    const PacketHop& first = p.hops().front();
    p.seekTime(first.start + (first.arrival - first.start) / 2);
    ASSERT_EQ(p.hopsInFlight().size(), 1u);
    EXPECT_NEAR(p.hopsInFlight().front()->progressAt(p.time()), 0.5, 1e-6);
    p.seekTime(first.arrival);
    for (const PacketHop* hop : p.hopsInFlight()) EXPECT_NE(hop, &first);
}

TEST(Playback, aLostSegmentIsShownAsADropMidLinkUntilAfterItWouldHaveArrived) {
    Playback p{smtpSampleTrace()};
    const auto lost = std::find_if(p.hops().begin(), p.hops().end(), [](const PacketHop& h) { return h.lost; });
    ASSERT_NE(lost, p.hops().end());
    EXPECT_EQ(lost->link, 1);
    ASSERT_EQ(p.drops().size(), 1u);
    const DropMark& drop = p.drops().front();
    EXPECT_TRUE(drop.onWire);
    EXPECT_EQ(drop.reason, "loss");
    p.seekTime(drop.shownFrom - 1_us);
    EXPECT_TRUE(p.dropsShown().empty());
    p.seekTime(drop.shownFrom);
    EXPECT_EQ(p.dropsShown().size(), 1u);
    p.seekTime(drop.shownUntil);
    EXPECT_TRUE(p.dropsShown().empty());
}

TEST(Playback, endShowsEverythingAndHomeShowsNothing) {
    Playback p{smtpSampleTrace()};
    p.end();
    EXPECT_TRUE(p.atEnd());
    EXPECT_EQ(p.time(), p.endTime());
    EXPECT_EQ(p.currentMessage(), smtpSampleMessages - 1);
    EXPECT_FALSE(p.nextRecordTime().has_value());
    p.home();
    EXPECT_EQ(p.position(), 0u);
    EXPECT_TRUE(p.nextRecordTime().has_value());
}

TEST(Playback, anEmptyTraceCanBeSteppedWithoutHarm) {
    trace::TraceLog log;
    log.end = 5_ms;
    Playback p{log};
    EXPECT_FALSE(p.nextMessage());
    EXPECT_FALSE(p.previousMessage());
    EXPECT_FALSE(p.nextPacket());
    EXPECT_FALSE(p.previousPacket());
    p.seekTime(3_ms);
    EXPECT_EQ(p.time(), 3_ms);
    p.end();
    EXPECT_TRUE(p.atEnd());
}

}  // namespace
}  // namespace netstage::gui
