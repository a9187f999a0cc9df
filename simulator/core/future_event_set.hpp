#pragma once
// The future-event set: a priority queue of QueuedEvent (time, sequence, callback). Events are
// ordered by time, then by the sequence number the simulator gave them when
// they were scheduled, so events at the same instant run first-in first-out.
// Cancellation is the simulator's job (a slot flag), so the queue only pushes
// and pops. Times pushed are never earlier than the last popped time.

#include <cstdint>
#include <memory>
#include <string_view>

#include "simulator/core/queued_event.hpp"

namespace netstage {


class FutureEventSet {
public:
    virtual ~FutureEventSet() = default;
    virtual void push(const QueuedEvent& event) = 0;
    // Precondition: !empty().
    virtual QueuedEvent pop() = 0;
    // The time of the earliest queued entry. Peeking never reorganises the
    // queue, so entries pushed later at times >= the last popped time stay valid.
    virtual std::int64_t minTime() const = 0;
    // An entry that will be popped soon, if the queue knows one cheaply
    // (nullptr otherwise). The simulator uses it only to prefetch.
    virtual const QueuedEvent* upcoming() const { return nullptr; }
    virtual bool empty() const = 0;
    virtual std::size_t size() const = 0;
    virtual std::string_view name() const = 0;
};

// A radix heap over time. It relies on what a simulator guarantees: nothing
// is pushed earlier than the last popped time. Amortised O(log range) with
// sequential memory access; the default.
std::unique_ptr<FutureEventSet> makeRadixHeap();
// A 4-ary implicit heap: shallower than a binary heap and cache friendly.
std::unique_ptr<FutureEventSet> makeQuaternaryHeap();
// A binary heap (std::push_heap/pop_heap): the simplest of the three.
std::unique_ptr<FutureEventSet> makeBinaryHeap();

}  // namespace netstage
