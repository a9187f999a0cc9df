#pragma once
// A TraceSink that keeps a copy of every record, for assertions.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "simulator/trace/trace_sink.hpp"

namespace netstage::net::testing {

struct RecordedPacket {
    Time time;
    std::uint32_t node = 0;
    std::string nodeName;
    std::int32_t link = -1;
    trace::PacketAction action = trace::PacketAction::Sent;
    std::string reason;
    std::uint64_t uid = 0;
    std::uint8_t ttl = 0;
    Ipv4Address source;
    std::size_t wireSize = 0;
};

class RecordingSink : public trace::TraceSink {
public:
    void onPacket(const trace::PacketEvent& e) override {
        packets.push_back({e.time, e.node, std::string{e.nodeName}, e.link, e.action, std::string{e.reason},
                           e.packet.uid, e.packet.ip.ttl, e.packet.ip.source, e.packet.wireSize()});
    }
    void onEvent(const trace::Event& e) override { events.push_back(e); }

    std::vector<RecordedPacket> with(trace::PacketAction action) const {
        std::vector<RecordedPacket> out;
        std::copy_if(packets.begin(), packets.end(), std::back_inserter(out),
                     [&](const RecordedPacket& p) { return p.action == action; });
        return out;
    }
    std::vector<RecordedPacket> dropped(const std::string& reason) const {
        std::vector<RecordedPacket> out;
        std::copy_if(packets.begin(), packets.end(), std::back_inserter(out), [&](const RecordedPacket& p) {
            return p.action == trace::PacketAction::Dropped && p.reason == reason;
        });
        return out;
    }

    std::vector<RecordedPacket> packets;
    std::vector<trace::Event> events;
};

// The value of a field of an Event, or "<missing>".
inline trace::FieldValue field(const trace::Event& event, const std::string& name) {
    for (const auto& [key, value] : event.fields) {
        if (key == name) return value;
    }
    return std::string{"<missing>"};
}

}  // namespace netstage::net::testing
