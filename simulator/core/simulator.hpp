#pragma once
// The discrete-event kernel. Events run in (time, sequence) order: earliest
// time first, and among equal times in the order they were scheduled.
// A Simulator is a plain object; there are no statics and no wall clock.

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "simulator/core/future_event_set.hpp"
#include "simulator/core/time.hpp"

namespace netstage {

// Names one scheduled event. It stays valid (and harmless) after the event ran
// or was cancelled: the slot's generation tells a stale id from a live one.
class EventId {
public:
    constexpr EventId() = default;
    constexpr bool isNull() const { return generation_ == 0; }
    friend constexpr bool operator==(EventId, EventId) = default;

private:
    friend class Simulator;
    constexpr EventId(std::uint32_t slot, std::uint32_t generation) : slot_{slot}, generation_{generation} {}
    std::uint32_t slot_ = 0;
    std::uint32_t generation_ = 0;  // 0 = null id
};

class Simulator {
public:
    using Callback = std::function<void()>;

    explicit Simulator(std::unique_ptr<FutureEventSet> queue = makeQuaternaryHeap());
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    Time now() const { return now_; }

    // Runs `callback` at now() + delay. Precondition: delay >= 0.
    EventId schedule(Time delay, Callback callback);
    // Runs `callback` at `at`. Precondition: at >= now().
    EventId scheduleAt(Time at, Callback callback);
    // O(1). Returns whether the event was still pending.
    bool cancel(EventId id);
    bool isPending(EventId id) const;

    // Runs the next pending event; false if there was none.
    bool step();
    // Runs until no event is pending or stop() is called.
    void run();
    // Runs every event with time <= limit, then sets now() to limit (unless
    // stopped earlier).
    void runUntil(Time limit);
    // Makes run()/runUntil() return after the current event.
    void stop() { stopRequested_ = true; }

    // Events executed so far (cancelled events are not counted).
    std::uint64_t eventCount() const { return executed_; }
    std::size_t pendingCount() const { return pending_; }
    // Time of the next pending event, or Time::max() if none.
    Time nextEventTime();

private:
    struct Slot {
        Callback callback;
        std::uint32_t generation = 1;
        bool pending = false;
    };

    std::uint32_t allocateSlot();
    void releaseSlot(std::uint32_t slot);
    // Pops cancelled entries off the top of the queue.
    void discardCancelled();

    std::unique_ptr<FutureEventSet> queue_;
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> freeSlots_;
    Time now_;
    std::uint64_t nextSequence_ = 0;
    std::uint64_t executed_ = 0;
    std::size_t pending_ = 0;
    bool stopRequested_ = false;
};

}  // namespace netstage
