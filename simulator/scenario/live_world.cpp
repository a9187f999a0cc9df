#include "simulator/scenario/live_world.hpp"

#include <algorithm>
#include <stdexcept>

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
    callbacks_ = std::move(callbacks);
    bridge_ = &bridge(from_);
}

const apps::BridgeCallbacks& LiveWorld::callbacksFor(const std::string& host) const {
    const auto found = hostCallbacks_.find(host);
    return found == hostCallbacks_.end() ? callbacks_ : found->second;
}

apps::Bridge& LiveWorld::bridge(const std::string& host) {
    auto& slot = bridges_[host];
    if (slot) return *slot;
    apps::HostStack* stack = world_->hostStack(host);
    if (stack == nullptr) {
        bridges_.erase(host);
        throw std::invalid_argument{"the scenario has no host named '" + host + "'"};
    }
    // Looked up at each event, so a host's programs can take its events over at any time.
    apps::BridgeCallbacks forward;
    forward.connected = [this, host](apps::BridgeId id) {
        if (const auto& c = callbacksFor(host); c.connected) c.connected(id);
    };
    forward.received = [this, host](apps::BridgeId id, std::string_view bytes) {
        if (const auto& c = callbacksFor(host); c.received) c.received(id, bytes);
    };
    forward.peerClosed = [this, host](apps::BridgeId id) {
        if (const auto& c = callbacksFor(host); c.peerClosed) c.peerClosed(id);
    };
    forward.ended = [this, host](apps::BridgeId id, const std::string& outcome) {
        if (const auto& c = callbacksFor(host); c.ended) c.ended(id, outcome);
    };
    forward.answered = [this, host](apps::BridgeId id, const apps::QueryAnswer& answer) {
        if (const auto& c = callbacksFor(host); c.answered) c.answered(id, answer);
    };
    slot = std::make_unique<apps::Bridge>(*stack, std::move(forward));
    if (const auto server = world_->dnsServer()) slot->setDnsServer(*server);
    return *slot;
}

void LiveWorld::setBridgeCallbacks(const std::string& host, apps::BridgeCallbacks callbacks) {
    if (!callbacks.connected && !callbacks.received && !callbacks.peerClosed && !callbacks.ended && !callbacks.answered) {
        hostCallbacks_.erase(host);
    } else {
        hostCallbacks_[host] = std::move(callbacks);
    }
}

LiveWorld::~LiveWorld() = default;

Time LiveWorld::now() const { return world_->simulator().now(); }

Ipv4Address LiveWorld::fromAddress() const { return spec_.findHost(from_)->address; }

void LiveWorld::defer(std::function<void()> action) { deferred_.push_back(std::move(action)); }

void LiveWorld::runDeferred() {
    // An action may defer more (a callback it causes); they run too, in order.
    // Before each, the events an earlier one made due now run, as the replay
    // runs them before applying the next recorded input of the same time.
    std::size_t next = 0;
    while (next < deferred_.size()) {
        auto action = std::move(deferred_[next++]);
        world_->advanceTo(now());
        action();
    }
    deferred_.clear();
}

void LiveWorld::runTo(Time limit) {
    if (!programs_) {
        world_->advanceTo(limit);
        return;
    }
    runDeferred();
    for (Time next = world_->nextEventTime(); next <= limit; next = world_->nextEventTime()) {
        world_->advanceTo(std::max(now(), next));
        runDeferred();
    }
    world_->advanceTo(std::max(now(), limit));
}

void LiveWorld::advanceTo(Time limit, Time wallNow) {
    if (finished_ || pacer_.paused() || limit <= now()) return;
    runTo(limit);
    pacer_.setSpeed(pace(speed_), now(), wallNow);
}

Time LiveWorld::step(Time wallNow) {
    if (finished_ || pacer_.paused()) return Time::max();
    if (programs_) runDeferred();
    if (!speed_.isUnlimited()) {
        runTo(std::max(now(), pacer_.target(wallNow)));
        const Time next = world_->nextEventTime();
        return next == Time::max() ? Time::max() : pacer_.wallDelayUntil(next, wallNow);
    }
    const Time before = now();
    int bursts = 0;
    for (; bursts < kBurstsPerStep; ++bursts) {
        const Time next = world_->nextEventTime();
        if (next == Time::max() || next > now() + burstWindow) break;
        world_->advanceTo(std::max(now(), next));
        if (programs_) runDeferred();
    }
    // A quiet gap starts at the end of the burst and passes at the wall clock's pace.
    if (now() != before) pacer_.setSpeed(Speed::realTime(), now(), wallNow);
    if (bursts == kBurstsPerStep) return Time::zero();
    runTo(std::max(now(), pacer_.target(wallNow)));
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
