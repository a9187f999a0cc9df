#pragma once
// The future-event set: a priority queue of (time, sequence, slot). Events are
// ordered by time, then by the sequence number the simulator gave them when
// they were scheduled, so events at the same instant run first-in first-out.
// Cancellation is the simulator's job (a slot flag), so the queue only pushes
// and pops.

#include <cstdint>
#include <memory>
#include <string_view>

namespace netstage {

struct QueuedEvent {
    std::int64_t time;
    std::uint64_t sequence;
    std::uint32_t slot;

    friend constexpr bool before(const QueuedEvent& a, const QueuedEvent& b) {
        return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
    }
};

class FutureEventSet {
public:
    virtual ~FutureEventSet() = default;
    virtual void push(const QueuedEvent& event) = 0;
    // Precondition: !empty().
    virtual QueuedEvent pop() = 0;
    virtual const QueuedEvent& top() const = 0;
    virtual bool empty() const = 0;
    virtual std::size_t size() const = 0;
    virtual std::string_view name() const = 0;
};

// A 4-ary implicit heap: shallower than a binary heap and cache friendly. The default.
std::unique_ptr<FutureEventSet> makeQuaternaryHeap();
// A binary heap (std::push_heap/pop_heap); the reference the others are tested against.
std::unique_ptr<FutureEventSet> makeBinaryHeap();

}  // namespace netstage
