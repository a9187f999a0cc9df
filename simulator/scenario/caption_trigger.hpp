#pragma once
// Narration captions. A caption either has a time, or waits for the first
// trace event of a given layer and type (and node): "5) Bob's mail server
// places the message in Bob's mailbox" appears when the message is stored,
// whenever that turns out to be.

#include <string>
#include <vector>

#include "simulator/core/simulator.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::scenario {

class CaptionTrigger : public trace::TraceSink {
public:
    CaptionTrigger(Simulator& simulator, trace::Tracer& tracer) : simulator_{simulator}, tracer_{tracer} {}

    void show(const std::string& text);
    // `line`, if not empty, must equal the event's "text" field (an application line).
    void waitFor(std::string layer, std::string type, std::string node, std::string line, std::string text);
    bool waiting() const { return !pending_.empty(); }

    void onPacket(const trace::PacketEvent& /*event*/) override {}
    void onEvent(const trace::Event& event) override;

private:
    struct Pending {
        std::string layer;
        std::string type;
        std::string node;
        std::string line;
        std::string text;
        bool fired = false;
    };
    Simulator& simulator_;
    trace::Tracer& tracer_;
    std::vector<Pending> pending_;
};

}  // namespace netstage::scenario
