#pragma once
// The driver of a live world: the scenario's own World, advanced in slices
// paced to the wall clock, with connections from outside bridged in at the
// current simulated time. `netstage serve`, the GUI's live mode and the
// programs a student runs on a simulated host are front ends of this one
// driver; none of them is a second implementation of the world.
//
// Rule zero holds: the driver never reads a clock. The front end passes the
// wall time in (any fixed origin), so a test can drive it with made-up times.
//
// Pacing. At a finite speed, simulated time runs at that multiple of the
// wall clock. At unlimited speed (`--speed max`) events run as fast as the
// CPU allows while the next one is close (within burstWindow of the clock);
// across a longer quiet gap time passes at the wall clock's pace. A real
// client thinks at human speed: jumping straight to the next timer would fire
// the server's idle timeout while the student is still typing.

#include <cstdint>
#include <functional>
#include <vector>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "simulator/apps/bridge.hpp"
#include "simulator/core/pacer.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::scenario {

struct LiveOptions {
    // Where outside connections start: a host of the scenario, or, without
    // it, a visitor's host of that name added to the scenario (visitor.hpp).
    std::optional<std::string> from;
    std::string visitorName = "you";
    Speed speed = Speed::realTime();
    std::optional<std::uint64_t> seed;
};

class LiveWorld {
public:
    // At unlimited speed, events closer than this to the clock run at once.
    static constexpr Time burstWindow = Time::fromSeconds(1);

    // Takes the scenario (adding the visitor's host unless `options.from`
    // names one of its hosts), builds the world writing to `tracer`, and
    // starts the clock at wall time `wallNow`. Throws ScenarioError.
    LiveWorld(ScenarioSpec spec, trace::Tracer& tracer, const LiveOptions& options, apps::BridgeCallbacks callbacks,
              Time wallNow);
    ~LiveWorld();
    LiveWorld(const LiveWorld&) = delete;
    LiveWorld& operator=(const LiveWorld&) = delete;

    // The scenario as it runs, with the visitor's host if one was added.
    const ScenarioSpec& spec() const { return spec_; }
    // The host outside connections start from, and whether it is the added visitor.
    const std::string& fromHost() const { return from_; }
    bool fromVisitor() const { return fromVisitor_; }
    World& world() { return *world_; }
    Time now() const;

    // Runs every event due at `wallNow` and returns how long the front end may
    // wait on the wall clock before calling again (Time::max(): nothing will
    // be due until an outside input arrives or the pause ends). At unlimited
    // speed a step runs at most a bounded amount of work, so the front end
    // keeps serving its sockets during a long transfer.
    Time step(Time wallNow);

    // Outside inputs, at the current simulated time (step first, so that is now).
    void open(apps::BridgeId id, Endpoint server) { bridge_->open(id, server); }
    void send(apps::BridgeId id, std::string_view bytes) { bridge_->send(id, bytes); }
    void close(apps::BridgeId id) { bridge_->close(id); }
    // Listens on `port` of the host outside connections start from, for one
    // connection from inside the world (an FTP server's active-mode data connection).
    void listen(apps::BridgeId id, std::uint16_t port) { bridge_->listen(id, port); }
    void noteRewrite(apps::BridgeId id, bool towardServer, const std::string& original, const std::string& rewritten) {
        bridge_->noteRewrite(id, towardServer, original, rewritten);
    }
    // The address of the host outside connections start from.
    Ipv4Address fromAddress() const;

    // Several hosts. The bridge of `host` (any host of the scenario), made on
    // first use; the `from` host's is the one the calls above use. Throws
    // std::invalid_argument if the scenario has no such host. Each bridge can
    // query the scenario's DNS server (Bridge::query) when it has one.
    apps::Bridge& bridge(const std::string& host);
    // Sends `host`'s bridge events to `callbacks` instead of the ones given
    // to the constructor (which every other host's bridge keeps using); empty
    // callbacks send them back there. A host's programs install theirs.
    void setBridgeCallbacks(const std::string& host, apps::BridgeCallbacks callbacks);
    void pauseReading(apps::BridgeId id) { bridge_->pauseReading(id); }
    void resumeReading(apps::BridgeId id) { bridge_->resumeReading(id); }
    // Bytes given to `id` that the simulated TCP has not taken yet: the front
    // end stops reading a socket while this is large, so memory stays bounded.
    std::size_t backlog(apps::BridgeId id) const { return bridge_->backlog(id); }
    std::size_t openConnections() const { return bridge_->openCount(); }

    // Runs `action` (an input a program makes in reaction to an event) once
    // every event due at the current simulated time has run, as a replay
    // applies a recorded input: after all events up to its time. An action
    // deferred outside a step runs at the start of the next one. Programs on
    // the world's hosts (programs/program_host.hpp) call this for every input
    // they make from inside a callback.
    void defer(std::function<void()> action);
    // From now on, steps stop after each event time to run deferred actions;
    // set by the first program host (a front end without programs keeps
    // stepping in one stride).
    void enablePrograms() { programs_ = true; }

    // Runs every event up to simulated time `limit` now, and the pace goes on
    // from there: a script that need not wait on the wall clock (`netstage
    // shell --speed max` waiting out a quiet time). Nothing happens while paused.
    void advanceTo(Time limit, Time wallNow);

    void pause(Time wallNow);
    void resume(Time wallNow);
    bool paused() const { return pacer_.paused(); }
    void setSpeed(Speed speed, Time wallNow);
    Speed speed() const { return speed_; }

    // Stops: finishes the trace at the current simulated time and returns it.
    Time finish();
    bool finished() const { return finished_; }

private:
    const apps::BridgeCallbacks& callbacksFor(const std::string& host) const;
    // Runs every event up to `limit`, with deferred actions after each event time when programs need them.
    void runTo(Time limit);
    void runDeferred();

    ScenarioSpec spec_;
    std::string from_;
    bool fromVisitor_ = false;
    std::unique_ptr<World> world_;
    apps::BridgeCallbacks callbacks_;                            // the constructor's
    std::map<std::string, apps::BridgeCallbacks> hostCallbacks_;  // a host's own
    std::map<std::string, std::unique_ptr<apps::Bridge>> bridges_;
    apps::Bridge* bridge_ = nullptr;  // the `from` host's
    Speed speed_;
    // At a finite speed, the pace itself; at unlimited speed, the wall
    // clock's pace across quiet gaps, re-anchored after every burst.
    Pacer pacer_;
    bool finished_ = false;
    bool programs_ = false;
    std::vector<std::function<void()>> deferred_;
};

}  // namespace netstage::scenario
