#include "simulator/scenario/live_world.hpp"

#include <algorithm>

#include "simulator/scenario/scenario_error.hpp"
#include "simulator/scenario/visitor.hpp"

namespace netstage::scenario {

namespace {

// How many distinct event times one step at unlimited speed may run before
// it hands control back to the front end's sockets.
constexpr int kBurstsPerStep = 4096;

Speed pace(Speed speed) { return speed.isUnlimited() ? Speed::realTime() : speed; }

}  // namespace

LiveWorld::LiveWorld(ScenarioSpec spec, trace::Tracer& tracer, const LiveOptions& options,
                     apps::BridgeCallbacks callbacks, Time wallNow)
    : spec_{std::move(spec)}, speed_{options.speed}, pacer_{pace(options.speed), Time::zero(), wallNow} {
    if (spec_.bridge) {
        throw ScenarioError{spec_.bridge->where,
                            "this scenario replays a recorded session (its 'bridge' section); run it with "
                            "'netstage run', or serve the scenario it was recorded from"};
    }
    if (options.from) {
        if (spec_.findHost(*options.from) == nullptr) {
            throw ScenarioError{{spec_.file, 0, 0}, "the scenario has no host named '" + *options.from + "' to connect from"};
        }
        from_ = *options.from;
    } else {
        addVisitor(spec_, options.visitorName);
        from_ = options.visitorName;
        fromVisitor_ = true;
    }
    world_ = std::make_unique<World>(spec_, tracer, options.seed);
    bridge_ = std::make_unique<apps::Bridge>(*world_->hostStack(from_), std::move(callbacks));
}

LiveWorld::~LiveWorld() = default;

Time LiveWorld::now() const { return world_->simulator().now(); }

Ipv4Address LiveWorld::fromAddress() const { return spec_.findHost(from_)->address; }

Time LiveWorld::step(Time wallNow) {
    if (finished_ || pacer_.paused()) return Time::max();
    if (!speed_.isUnlimited()) {
        world_->advanceTo(std::max(now(), pacer_.target(wallNow)));
        const Time next = world_->nextEventTime();
        return next == Time::max() ? Time::max() : pacer_.wallDelayUntil(next, wallNow);
    }
    const Time before = now();
    int bursts = 0;
    for (; bursts < kBurstsPerStep; ++bursts) {
        const Time next = world_->nextEventTime();
        if (next == Time::max() || next > now() + burstWindow) break;
        world_->advanceTo(std::max(now(), next));
    }
    // A quiet gap starts at the end of the burst and passes at the wall clock's pace.
    if (now() != before) pacer_.setSpeed(Speed::realTime(), now(), wallNow);
    if (bursts == kBurstsPerStep) return Time::zero();
    world_->advanceTo(std::max(now(), pacer_.target(wallNow)));
    const Time next = world_->nextEventTime();
    if (next == Time::max()) return Time::max();
    return pacer_.wallDelayUntil(next - std::min(next, burstWindow), wallNow);
}

void LiveWorld::pause(Time wallNow) { pacer_.pause(now(), wallNow); }

void LiveWorld::resume(Time wallNow) { pacer_.resume(wallNow); }

void LiveWorld::setSpeed(Speed speed, Time wallNow) {
    speed_ = speed;
    pacer_.setSpeed(pace(speed), now(), wallNow);
}

Time LiveWorld::finish() {
    if (finished_) return now();
    finished_ = true;
    return world_->finish();
}

}  // namespace netstage::scenario
