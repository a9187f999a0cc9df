#include "simulator/trace/record.hpp"

#include "simulator/packet/wire_format.hpp"

namespace netstage::trace {

PacketRecord PacketRecord::from(const PacketEvent& event) {
    return PacketRecord{event.time,   event.node,           std::string{event.nodeName}, event.link,
                        event.action, std::string{event.reason}, event.packet};
}

PacketEvent PacketRecord::view() const {
    return PacketEvent{time, node, nodeName, link, action, reason, packet};
}

bool operator==(const PacketRecord& a, const PacketRecord& b) {
    return a.time == b.time && a.node == b.node && a.nodeName == b.nodeName && a.link == b.link &&
           a.action == b.action && a.reason == b.reason && a.packet.uid == b.packet.uid &&
           toWire(a.packet) == toWire(b.packet);
}

Time timeOf(const Record& record) {
    return std::visit([](const auto& r) { return r.time; }, record);
}

bool operator==(const TraceLog& a, const TraceLog& b) {
    return a.header == b.header && a.records == b.records && a.end == b.end;
}

void replay(const TraceLog& log, TraceSink& sink) {
    sink.onStart(log.header);
    for (const Record& record : log.records) {
        if (const auto* packet = std::get_if<PacketRecord>(&record)) {
            sink.onPacket(packet->view());
        } else {
            sink.onEvent(std::get<Event>(record));
        }
    }
    sink.onFinish(log.end);
}

}  // namespace netstage::trace
