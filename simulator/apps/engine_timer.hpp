#pragma once
// The one timer a sans-IO engine asks for through nextTimeout(). Engines move
// their deadline on almost every exchange; cancelling and rescheduling each
// time would leave a stale queue entry behind per exchange (a cancelled
// event stays queued until its time). This timer keeps at most one event and
// only reschedules when the deadline moves earlier; when a later deadline is
// set, the pending event simply wakes up early and sleeps again.

#include <functional>
#include <optional>

#include "simulator/core/simulator.hpp"

namespace netstage::apps {

class EngineTimer {
public:
    EngineTimer(Simulator& simulator, std::function<void()> onExpiry)
        : simulator_{simulator}, onExpiry_{std::move(onExpiry)} {}
    ~EngineTimer() { simulator_.cancel(event_); }
    EngineTimer(const EngineTimer&) = delete;
    EngineTimer& operator=(const EngineTimer&) = delete;

    // The engine's current deadline, or none.
    void set(std::optional<Time> deadline) {
        deadline_ = deadline;
        if (!deadline) return;
        if (simulator_.isPending(event_) && scheduledFor_ <= *deadline) return;
        simulator_.cancel(event_);
        scheduledFor_ = std::max(simulator_.now(), *deadline);
        event_ = simulator_.scheduleAt(scheduledFor_, [this] { fire(); });
    }
    void stop() { set(std::nullopt); }

private:
    void fire() {
        if (!deadline_) return;
        if (*deadline_ > simulator_.now()) {
            scheduledFor_ = *deadline_;
            event_ = simulator_.scheduleAt(scheduledFor_, [this] { fire(); });
            return;
        }
        deadline_.reset();
        onExpiry_();
    }

    Simulator& simulator_;
    std::function<void()> onExpiry_;
    EventId event_;
    Time scheduledFor_;
    std::optional<Time> deadline_;
};

}  // namespace netstage::apps
