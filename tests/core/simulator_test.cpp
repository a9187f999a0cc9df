#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <vector>

#include "simulator/core/random.hpp"
#include "simulator/core/simulator.hpp"

using namespace netstage;
using namespace netstage::time_literals;

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

INSTANTIATE_TEST_SUITE_P(FutureEventSets, KernelInvariants,
                         ::testing::Values(makeQuaternaryHeap, makeBinaryHeap),
                         [](const auto& param) { return param.index == 0 ? std::string{"QuaternaryHeap"} : std::string{"BinaryHeap"}; });

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

TEST(Simulator, rejectsSchedulingIntoThePast) {
    Simulator sim;
    sim.schedule(1_ms, [] {});
    sim.run();
    EXPECT_THROW(sim.scheduleAt(0_ms, [] {}), std::invalid_argument);
    EXPECT_THROW(sim.schedule(Time::fromNanoseconds(-1), [] {}), std::invalid_argument);
}
