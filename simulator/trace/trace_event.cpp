#include "simulator/trace/trace_event.hpp"

namespace netstage::trace {

std::string_view toString(PacketAction action) {
    switch (action) {
        case PacketAction::Sent: return "sent";
        case PacketAction::Enqueued: return "enqueued";
        case PacketAction::Received: return "received";
        case PacketAction::Forwarded: return "forwarded";
        case PacketAction::Dropped: return "dropped";
    }
    return "unknown";
}

bool operator==(const Event& a, const Event& b) {
    return a.time == b.time && a.node == b.node && a.layer == b.layer && a.type == b.type && a.fields == b.fields;
}

bool operator==(const TraceHeader& a, const TraceHeader& b) {
    return a.scenario == b.scenario && a.seed == b.seed;
}

}  // namespace netstage::trace
