#include "simulator/core/simulator.hpp"

#include "simulator/core/cancelled_entries.hpp"

namespace netstage {

Simulator::Simulator(std::unique_ptr<FutureEventSet> queue) : queue_{std::move(queue)} {}

Simulator::~Simulator() {
    while (!queue_->empty()) queue_->pop().callback.discard();
}

EventId Simulator::push(Time at, RawCallback callback) {
    std::uint32_t index;
    if (!freeSlots_.empty()) {
        index = freeSlots_.back();
        freeSlots_.pop_back();
    } else {
        index = static_cast<std::uint32_t>(generations_.size());
        generations_.push_back(1);
    }
    const std::uint32_t generation = generations_[index];
    ++pending_;
    queue_->push(QueuedEvent{at.nanoseconds(), nextSequence_++, index, generation, callback});
    return EventId{index, generation};
}

bool Simulator::cancel(EventId id) {
    if (!isPending(id)) return false;
    // The queue entry stays until its time; its stale generation marks it cancelled.
    releaseSlot(id.slot_);
    --pending_;
    ++cancelledQueued_;
    // Cancelled entries outnumbering the pending ones (and not few): sweep them out.
    constexpr std::size_t sweepFloor = 4096;
    if (cancelledQueued_ > sweepFloor && cancelledQueued_ > pending_) {
        cancelledQueued_ -= dropCancelled(*queue_, generations_);
    }
    return true;
}

bool Simulator::isPending(EventId id) const {
    return !id.isNull() && id.slot_ < generations_.size() && generations_[id.slot_] == id.generation_;
}

void Simulator::releaseSlot(std::uint32_t index) {
    if (++generations_[index] == 0) generations_[index] = 1;  // 0 is the null id
    freeSlots_.push_back(index);
}

Time Simulator::nextEventTime() const {
    return queue_->empty() ? Time::max() : Time::fromNanoseconds(queue_->minTime());
}

bool Simulator::runNext(Time limit) {
    while (!queue_->empty() && queue_->minTime() <= limit.nanoseconds()) {
        QueuedEvent event = queue_->pop();
        // Reading the generation table is a cache miss at a million pending
        // events, so it is read only while some cancelled entry is queued.
        if (cancelledQueued_ > 0) {
            if (const QueuedEvent* ahead = queue_->upcoming()) __builtin_prefetch(&generations_[ahead->slot]);
            if (generations_[event.slot] != event.generation) {
                --cancelledQueued_;
                event.callback.discard();
                continue;
            }
        }
        // A blind store (no load) retires the slot: its generation is known.
        generations_[event.slot] = event.generation + 1 == 0 ? 1 : event.generation + 1;
        freeSlots_.push_back(event.slot);
        --pending_;
        now_ = Time::fromNanoseconds(event.time);
        ++executed_;
        event.callback.run();
        return true;
    }
    return false;
}

bool Simulator::step() { return runNext(Time::max()); }

void Simulator::run() {
    stopRequested_ = false;
    while (!stopRequested_ && step()) {
    }
}

void Simulator::runUntil(Time limit) {
    stopRequested_ = false;
    while (!stopRequested_ && runNext(limit)) {
    }
    if (!stopRequested_ && now_ < limit) now_ = limit;
}

}  // namespace netstage
