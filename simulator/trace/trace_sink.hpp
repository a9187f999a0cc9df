#pragma once

#include <vector>

#include "simulator/trace/trace_event.hpp"

namespace netstage::trace {

// Anything that observes a run: the recorder (whose TraceLog the GUI plays),
// the JSON Lines writer, the pcap writer, the fingerprint, the transcript.
class TraceSink {
public:
    virtual ~TraceSink() = default;
    virtual void onStart(const TraceHeader& /*header*/) {}
    virtual void onPacket(const PacketEvent& event) = 0;
    virtual void onEvent(const Event& event) = 0;
    virtual void onFinish(Time /*end*/) {}
};

// The fan-out every simulator layer writes to. Sinks are not owned.
// Producers check wantsEvents() before building an Event, so a run with only
// packet-level sinks (the fingerprint) pays nothing for text records.
class Tracer {
public:
    void addSink(TraceSink& sink, bool wantsEvents = true) {
        sinks_.push_back(&sink);
        if (wantsEvents) eventSinks_.push_back(&sink);
    }
    bool wantsPackets() const { return !sinks_.empty(); }
    bool wantsEvents() const { return !eventSinks_.empty(); }

    void start(const TraceHeader& header) {
        for (auto* s : sinks_) s->onStart(header);
    }
    void packet(const PacketEvent& event) {
        for (auto* s : sinks_) s->onPacket(event);
    }
    void event(const Event& event) {
        for (auto* s : eventSinks_) s->onEvent(event);
    }
    // The run is over. Whatever happens while the world is taken down
    // afterwards (servers closing their listeners, connections freed) is not
    // part of it: the sinks are let go, and later records go nowhere.
    void finish(Time end) {
        for (auto* s : sinks_) s->onFinish(end);
        sinks_.clear();
        eventSinks_.clear();
    }

private:
    std::vector<TraceSink*> sinks_;
    std::vector<TraceSink*> eventSinks_;
};

}  // namespace netstage::trace
