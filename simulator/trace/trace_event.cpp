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

}  // namespace netstage::trace
