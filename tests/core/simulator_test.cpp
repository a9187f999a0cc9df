#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "simulator/core/random.hpp"
#include "simulator/core/simulator.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

// The reference the queues are compared with: an ordered map keyed by (time,
// sequence). It is slow and obviously right, and shares no code with the
// heaps it checks, so a fault in one of them cannot hide in its own reference.
class OrderedMapQueue final : public FutureEventSet {
public:
    void push(const QueuedEvent& event) override { entries_.emplace(std::pair{event.time, event.sequence}, event); }
    QueuedEvent pop() override {
        const auto first = entries_.begin();
        const QueuedEvent event = first->second;
        entries_.erase(first);
        return event;
    }
    std::int64_t minTime() const override { return entries_.begin()->first.first; }
    bool empty() const override { return entries_.empty(); }
    std::size_t size() const override { return entries_.size(); }
    std::string_view name() const override { return "ordered map"; }

private:
    std::map<std::pair<std::int64_t, std::uint64_t>, QueuedEvent> entries_;
};

}  // namespace

// Every future-event set implementation passes the same kernel tests.
class KernelInvariants : public ::testing::TestWithParam<std::function<std::unique_ptr<FutureEventSet>()>> {
};

TEST_P(KernelInvariants, timeNeverDecreases) {
    Simulator sim{GetParam()()};
    RandomStream rng{1, "kernel-test"};
    std::vector<Time> seen;
    std::function<void()> spawn = [&] {
        seen.push_back(sim.now());
        if (seen.size() < 5000) sim.schedule(Time::fromNanoseconds(static_cast<std::int64_t>(rng.uniformInt(1000))), spawn);
    };
    for (int i = 0; i < 50; ++i) sim.schedule(Time::fromNanoseconds(static_cast<std::int64_t>(rng.uniformInt(1000))), spawn);
    sim.run();
    ASSERT_GE(seen.size(), 5000u);
    for (std::size_t i = 1; i < seen.size(); ++i) ASSERT_LE(seen[i - 1], seen[i]) << "at event " << i;
}

TEST_P(KernelInvariants, equalTimesRunFirstInFirstOut) {
    Simulator sim{GetParam()()};
    std::vector<int> order;
    for (int i = 0; i < 100; ++i) sim.schedule(5_ms, [&order, i] { order.push_back(i); });
    // Interleave a later and an earlier event to make sure the heap is exercised.
    sim.schedule(6_ms, [&order] { order.push_back(1000); });
    sim.schedule(4_ms, [&order] { order.push_back(-1); });
    sim.run();
    ASSERT_EQ(order.size(), 102u);
    EXPECT_EQ(order.front(), -1);
    for (int i = 0; i < 100; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i) + 1], i);
    EXPECT_EQ(order.back(), 1000);
}

TEST_P(KernelInvariants, aCancelledEventNeverFires) {
    Simulator sim{GetParam()()};
    int fired = 0;
    std::vector<EventId> ids;
    for (int i = 0; i < 100; ++i) ids.push_back(sim.schedule(Time::fromMicroseconds(i), [&fired] { ++fired; }));
    for (std::size_t i = 0; i < ids.size(); i += 2) EXPECT_TRUE(sim.cancel(ids[i]));
    EXPECT_EQ(sim.pendingCount(), 50u);
    sim.run();
    EXPECT_EQ(fired, 50);
    EXPECT_EQ(sim.eventCount(), 50u);
}

TEST_P(KernelInvariants, runUntilStopsExactlyAtTheLimit) {
    Simulator sim{GetParam()()};
    std::vector<Time> fired;
    for (auto t : {1_ms, 2_ms, 3_ms, 4_ms}) sim.scheduleAt(t, [&fired, &sim] { fired.push_back(sim.now()); });
    sim.runUntil(3_ms);
    EXPECT_EQ(fired, (std::vector<Time>{1_ms, 2_ms, 3_ms}));
    EXPECT_EQ(sim.now(), 3_ms);
    EXPECT_EQ(sim.pendingCount(), 1u);
    sim.runUntil(3500_us);
    EXPECT_EQ(sim.now(), 3500_us);
    EXPECT_EQ(fired.size(), 3u);
    sim.run();
    EXPECT_EQ(fired.back(), 4_ms);
}

TEST_P(KernelInvariants, cancelledEntriesGoOnceTheyOutnumberThePendingOnes) {
    // A cancelled entry waits in the queue for its time, holding what its
    // callback captured; once cancelled entries outnumber the pending ones
    // (and are more than a few thousand) they are swept out, and the events
    // still pending run in the same order as before.
    Simulator sim{GetParam()()};
    auto token = std::make_shared<int>(0);
    std::vector<int> order;
    sim.schedule(1_ms, [&sim] { sim.schedule(1_ms, [] {}); });  // moves the queue's base past zero
    sim.step();
    for (int i = 0; i < 10'000; ++i) {
        // Live events at two instants, each interleaved with cancelled ones at the same instant and later.
        if (i % 1000 == 0) sim.scheduleAt(i < 5000 ? 5_ms : 7_ms, [&order, i] { order.push_back(i); });
        const EventId doomed = sim.scheduleAt(i % 2 == 0 ? 5_ms : Time::fromSeconds(1 + i % 90), [token] {});
        sim.cancel(doomed);
    }
    EXPECT_LT(token.use_count(), 4097) << "the cancelled entries should have been swept out";
    EXPECT_EQ(sim.pendingCount(), 11u);
    sim.run();
    EXPECT_EQ(order, (std::vector<int>{0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000}));
    EXPECT_EQ(sim.eventCount(), 12u);
    EXPECT_EQ(sim.now(), 7_ms);
    EXPECT_EQ(token.use_count(), 1);
}

const char* const queueNames[] = {"RadixHeap", "QuaternaryHeap", "BinaryHeap"};
INSTANTIATE_TEST_SUITE_P(FutureEventSets, KernelInvariants,
                         ::testing::Values(makeRadixHeap, makeQuaternaryHeap, makeBinaryHeap),
                         [](const auto& param) { return std::string{queueNames[param.index]}; });

TEST(Simulator, anEventIdStaysValidAfterItsEventRan) {
    Simulator sim;
    const EventId id = sim.schedule(1_ms, [] {});
    EXPECT_TRUE(sim.isPending(id));
    sim.run();
    EXPECT_FALSE(sim.isPending(id));
    EXPECT_FALSE(sim.cancel(id));
    // The slot is reused, but the old id must not cancel the new event.
    int fired = 0;
    const EventId fresh = sim.schedule(1_ms, [&fired] { ++fired; });
    EXPECT_FALSE(sim.cancel(id));
    EXPECT_TRUE(sim.isPending(fresh));
    sim.run();
    EXPECT_EQ(fired, 1);
    EXPECT_FALSE(sim.cancel(EventId{}));
}

TEST(Simulator, stepRunsOneEventAndReportsWhenEmpty) {
    Simulator sim;
    int fired = 0;
    sim.schedule(2_ms, [&fired] { ++fired; });
    sim.schedule(1_ms, [&fired] { ++fired; });
    EXPECT_TRUE(sim.step());
    EXPECT_EQ(sim.now(), 1_ms);
    EXPECT_TRUE(sim.step());
    EXPECT_EQ(sim.now(), 2_ms);
    EXPECT_FALSE(sim.step());
    EXPECT_EQ(fired, 2);
}

TEST(Simulator, eventsMayCancelAndScheduleOthersWhileRunning) {
    Simulator sim;
    std::vector<int> order;
    EventId later = sim.schedule(5_ms, [&order] { order.push_back(5); });
    sim.schedule(1_ms, [&] {
        order.push_back(1);
        sim.cancel(later);
        sim.schedule(0_ms, [&order] { order.push_back(2); });
    });
    sim.run();
    EXPECT_EQ(order, (std::vector<int>{1, 2}));
}

TEST(Simulator, stopEndsRunAfterTheCurrentEvent) {
    Simulator sim;
    int fired = 0;
    sim.schedule(1_ms, [&] { ++fired; sim.stop(); });
    sim.schedule(2_ms, [&] { ++fired; });
    sim.run();
    EXPECT_EQ(fired, 1);
    sim.run();
    EXPECT_EQ(fired, 2);
}

TEST_P(KernelInvariants, matchesTheReferenceOrderUnderRandomLoad) {
    // Random schedules, cancellations and runUntil stops; every queue must run
    // exactly the same events in exactly the same order as an ordered map.
    auto trial = [](std::unique_ptr<FutureEventSet> queue) {
        Simulator sim{std::move(queue)};
        RandomStream rng{11, "mixed-load"};
        std::vector<std::pair<std::int64_t, int>> log;
        std::vector<EventId> ids;
        int next = 0;
        std::function<void(int)> body = [&](int label) {
            log.emplace_back(sim.now().nanoseconds(), label);
            const int children = static_cast<int>(rng.uniformInt(3));
            for (int c = 0; c < children && next < 20000; ++c) {
                const int child = next++;
                // Coarse delays make many equal times.
                ids.push_back(sim.schedule(Time::fromNanoseconds(static_cast<std::int64_t>(rng.uniformInt(8)) * 1000),
                                           [&body, child] { body(child); }));
            }
            if (!ids.empty() && rng.bernoulli(0.2)) sim.cancel(ids[rng.uniformInt(ids.size())]);
        };
        for (int i = 0; i < 100; ++i) {
            const int label = next++;
            sim.schedule(Time::fromNanoseconds(static_cast<std::int64_t>(rng.uniformInt(5)) * 1000), [&body, label] { body(label); });
        }
        Time limit = Time::zero();
        while (sim.pendingCount() > 0) {
            limit += Time::fromNanoseconds(2500);
            sim.runUntil(limit);
        }
        return log;
    };
    const auto expected = trial(std::make_unique<OrderedMapQueue>());
    EXPECT_GT(expected.size(), 1000u);
    EXPECT_EQ(trial(GetParam()()), expected);
}

TEST(Simulator, rejectsSchedulingIntoThePast) {
    Simulator sim;
    sim.schedule(1_ms, [] {});
    sim.run();
    EXPECT_THROW(sim.scheduleAt(0_ms, [] {}), std::invalid_argument);
    EXPECT_THROW(sim.schedule(Time::fromNanoseconds(-1), [] {}), std::invalid_argument);
}

TEST(Simulator, releasesWhatCallbacksCaptureWhetherTheyRunAreCancelledOrNeverRun) {
    auto token = std::make_shared<int>(7);
    {
        Simulator sim;
        int sum = 0;
        sim.schedule(1_ms, [token, &sum] { sum += *token; });           // runs
        const EventId cancelled = sim.schedule(2_ms, [token] {});        // cancelled
        sim.schedule(10_s, [token, text = std::string(100, 'x')] {});   // never runs
        EXPECT_EQ(token.use_count(), 4);
        sim.cancel(cancelled);
        sim.runUntil(5_ms);
        EXPECT_EQ(sum, 7);
        EXPECT_EQ(token.use_count(), 2);
    }
    EXPECT_EQ(token.use_count(), 1);
}
