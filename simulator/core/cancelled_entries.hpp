#pragma once
// Dropping cancelled entries from a future-event set. A cancelled event stays
// queued until its time comes (cancelling is O(1)); a mail server that stops
// a retransmission timer on every acknowledged reply leaves one such entry
// per exchange, each living for a retransmission timeout, and 100,000
// sessions at once left ten queued entries for every pending one. The
// simulator sweeps them out once they outnumber the pending events, which
// costs O(1) per cancel, amortised. Only simulator.cpp calls this.

#include <cstddef>
#include <cstdint>
#include <span>

#include "simulator/core/future_event_set.hpp"

namespace netstage {

// Removes every entry whose slot's generation has moved on (cancelled),
// discarding its callback; the order of the entries kept does not change.
// Returns how many were removed.
std::size_t dropCancelled(FutureEventSet& queue, std::span<const std::uint32_t> generations);

}  // namespace netstage
