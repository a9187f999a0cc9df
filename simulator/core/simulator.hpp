#pragma once
// The discrete-event kernel. Events run in (time, sequence) order: earliest
// time first, and among equal times in the order they were scheduled.
// A Simulator is a plain object; there are no statics and no wall clock.

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <utility>
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
    explicit Simulator(std::unique_ptr<FutureEventSet> queue = makeRadixHeap());
    ~Simulator();
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    Time now() const { return now_; }

    // Runs `callback` (any void() callable) at now() + delay. Precondition: delay >= 0.
    template <typename F>
    EventId schedule(Time delay, F&& callback) {
        if (delay < Time::zero()) throw std::invalid_argument("Simulator::schedule: negative delay");
        return push(now_ + delay, RawCallback::make(std::forward<F>(callback)));
    }
    // Runs `callback` at `at`. Precondition: at >= now().
    template <typename F>
    EventId scheduleAt(Time at, F&& callback) {
        if (at < now_) throw std::invalid_argument("Simulator::scheduleAt: time in the past");
        return push(at, RawCallback::make(std::forward<F>(callback)));
    }
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
    // Time of the earliest queued event, or Time::max() if none. A cancelled
    // event leaves its entry queued until its time comes, so this is a lower
    // bound on the next event that will actually run.
    Time nextEventTime() const;

private:
    EventId push(Time at, RawCallback callback);
    // Runs the earliest pending event if its time is <= limit, discarding
    // cancelled entries on the way. Never pops an entry later than `limit`:
    // the queue requires that nothing is pushed before the last popped time.
    bool runNext(Time limit);
    void releaseSlot(std::uint32_t index);

    std::unique_ptr<FutureEventSet> queue_;
    // Per slot, the generation of the event that holds it. Cancelling or
    // running an event bumps the generation, which makes its queue entry stale.
    std::vector<std::uint32_t> generations_;
    std::vector<std::uint32_t> freeSlots_;
    Time now_;
    std::uint64_t nextSequence_ = 0;
    std::uint64_t executed_ = 0;
    std::size_t pending_ = 0;
    std::size_t cancelledQueued_ = 0;  // cancelled entries not yet popped
    bool stopRequested_ = false;
};

}  // namespace netstage
