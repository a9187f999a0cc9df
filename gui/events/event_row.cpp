#include "gui/events/event_row.hpp"

#include "simulator/packet/tcp_flag_names.hpp"
#include "simulator/trace/protocol_table.hpp"

namespace netstage::gui {

namespace {

std::string millisecondsText(Time time) {
    std::string text = time.toMillisecondsString();  // "11.200 ms"
    if (const auto space = text.find(' '); space != std::string::npos) text.resize(space);
    return text;
}

// "10.0.1.10:49152-10.0.2.10:25" -> the protocol of either port.
std::string protocolOfConnection(const std::string& connection) {
    const auto ends = trace::parseConnectionEnds(connection);
    if (!ends) return {};
    return std::string{trace::protocolOfPorts(ends->first.port, ends->second.port)};
}

std::string packetSummary(const trace::PacketRecord& record) {
    const Packet& packet = record.packet;
    std::string text{trace::toString(record.action)};
    if (!record.reason.empty()) text += " (" + record.reason + ")";
    text += ' ';
    if (const auto* tcp = packet.tcp()) {
        text += packet.ip.source.toString() + ':' + std::to_string(tcp->sourcePort) + " \u2192 " +
                packet.ip.destination.toString() + ':' + std::to_string(tcp->destinationPort) + " TCP [" +
                tcpFlagNames(tcp->flags) + "] seq=" + std::to_string(tcp->sequence);
        if (tcp->has(tcp_flags::ack)) text += " ack=" + std::to_string(tcp->acknowledgement);
        text += " win=" + std::to_string(tcp->window) + " len=" + std::to_string(packet.payload.size());
    } else if (const auto* udp = packet.udp()) {
        text += packet.ip.source.toString() + ':' + std::to_string(udp->sourcePort) + " \u2192 " +
                packet.ip.destination.toString() + ':' + std::to_string(udp->destinationPort) +
                " UDP len=" + std::to_string(packet.payload.size());
    }
    return text;
}

std::string eventSummary(const trace::Event& event) {
    if (event.type == "line") return event.text("from") + ": " + event.text("text");
    if (event.is("narration", "caption")) return event.text("text");
    std::string text = event.type;
    const char* separator = " ";
    for (const auto& [name, value] : event.fields) {
        text += separator;
        separator = ", ";
        text += name + '=';
        if (const auto* string = std::get_if<std::string>(&value)) text += *string;
        else text += std::to_string(std::get<std::int64_t>(value));
    }
    return text;
}

}  // namespace

RecordClass classifyRecord(const trace::Record& record) {
    RecordClass kind;
    if (const auto* packet = std::get_if<trace::PacketRecord>(&record)) {
        kind.layer = "packet";
        if (const auto* tcp = packet->packet.tcp()) kind.protocol = trace::protocolOfPorts(tcp->sourcePort, tcp->destinationPort);
        if (const auto* udp = packet->packet.udp()) kind.protocol = trace::protocolOfPorts(udp->sourcePort, udp->destinationPort);
        return kind;
    }
    const auto& event = std::get<trace::Event>(record);
    kind.layer = event.layer;
    if (trace::protocolOfLayer(event.layer) != nullptr) kind.protocol = event.layer;
    else if (const std::string connection = event.text("connection"); !connection.empty()) {
        kind.protocol = protocolOfConnection(connection);
    }
    return kind;
}

bool recordInConnection(const trace::Record& record, const trace::ConnectionKey& key) {
    if (const auto* packet = std::get_if<trace::PacketRecord>(&record)) {
        const Packet& p = packet->packet;
        if (const auto* tcp = p.tcp()) {
            return key.joins(Endpoint{p.ip.source, tcp->sourcePort}, Endpoint{p.ip.destination, tcp->destinationPort});
        }
        if (const auto* udp = p.udp()) {
            return key.joins(Endpoint{p.ip.source, udp->sourcePort}, Endpoint{p.ip.destination, udp->destinationPort});
        }
        return false;
    }
    const auto* named = std::get<trace::Event>(record).field("connection");
    const auto* text = named != nullptr ? std::get_if<std::string>(named) : nullptr;
    const auto ends = text != nullptr ? trace::parseConnectionEnds(*text) : std::nullopt;
    return ends && key.joins(ends->first, ends->second);
}

EventRow describeRecord(const trace::Record& record, std::size_t index) {
    EventRow row;
    row.record = index;
    row.time = trace::timeOf(record);
    row.timeText = millisecondsText(row.time);
    RecordClass kind = classifyRecord(record);
    row.layer = std::move(kind.layer);
    row.protocol = std::move(kind.protocol);
    if (const auto* packet = std::get_if<trace::PacketRecord>(&record)) {
        row.host = packet->nodeName;
        row.summary = packetSummary(*packet);
    } else {
        const auto& event = std::get<trace::Event>(record);
        row.host = event.node;
        row.summary = eventSummary(event);
    }
    return row;
}

}  // namespace netstage::gui
