#include "simulator/core/simulator.hpp"

#include <stdexcept>
#include <utility>

namespace netstage {

Simulator::Simulator(std::unique_ptr<FutureEventSet> queue) : queue_{std::move(queue)} {}

EventId Simulator::schedule(Time delay, Callback callback) {
    if (delay < Time::zero()) throw std::invalid_argument("Simulator::schedule: negative delay");
    return scheduleAt(now_ + delay, std::move(callback));
}

EventId Simulator::scheduleAt(Time at, Callback callback) {
    if (at < now_) throw std::invalid_argument("Simulator::scheduleAt: time in the past");
    const std::uint32_t slot = allocateSlot();
    Slot& s = slots_[slot];
    s.callback = std::move(callback);
    s.pending = true;
    ++pending_;
    queue_->push(QueuedEvent{at.nanoseconds(), nextSequence_++, slot});
    return EventId{slot, s.generation};
}

bool Simulator::cancel(EventId id) {
    if (!isPending(id)) return false;
    Slot& s = slots_[id.slot_];
    s.pending = false;
    s.callback = nullptr;
    --pending_;
    // The queue entry stays until it reaches the top; the slot is released then.
    return true;
}

bool Simulator::isPending(EventId id) const {
    return !id.isNull() && id.slot_ < slots_.size() && slots_[id.slot_].generation == id.generation_ &&
           slots_[id.slot_].pending;
}

std::uint32_t Simulator::allocateSlot() {
    if (!freeSlots_.empty()) {
        const std::uint32_t slot = freeSlots_.back();
        freeSlots_.pop_back();
        return slot;
    }
    slots_.emplace_back();
    return static_cast<std::uint32_t>(slots_.size() - 1);
}

void Simulator::releaseSlot(std::uint32_t slot) {
    Slot& s = slots_[slot];
    s.pending = false;
    if (++s.generation == 0) s.generation = 1;  // 0 is the null id
    freeSlots_.push_back(slot);
}

void Simulator::discardCancelled() {
    while (!queue_->empty() && !slots_[queue_->top().slot].pending) {
        releaseSlot(queue_->pop().slot);
    }
}

Time Simulator::nextEventTime() {
    discardCancelled();
    return queue_->empty() ? Time::max() : Time::fromNanoseconds(queue_->top().time);
}

bool Simulator::step() {
    discardCancelled();
    if (queue_->empty()) return false;
    const QueuedEvent event = queue_->pop();
    Slot& s = slots_[event.slot];
    Callback callback = std::move(s.callback);
    s.callback = nullptr;
    --pending_;
    releaseSlot(event.slot);
    now_ = Time::fromNanoseconds(event.time);
    ++executed_;
    callback();
    return true;
}

void Simulator::run() {
    stopRequested_ = false;
    while (!stopRequested_ && step()) {
    }
}

void Simulator::runUntil(Time limit) {
    stopRequested_ = false;
    while (!stopRequested_ && nextEventTime() <= limit) step();
    if (!stopRequested_ && now_ < limit) now_ = limit;
}

}  // namespace netstage
