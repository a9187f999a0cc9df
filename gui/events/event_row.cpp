#include "gui/events/event_row.hpp"

#include <charconv>
#include <system_error>

#include "gui/model/event_fields.hpp"

namespace netstage::gui {

namespace {

std::string millisecondsText(Time time) {
    std::string text = time.toMillisecondsString();  // "11.200 ms"
    if (const auto space = text.find(' '); space != std::string::npos) text.resize(space);
    return text;
}

std::string protocolOfPorts(std::uint16_t a, std::uint16_t b) {
    // The well-known end names the protocol; the other end is ephemeral.
    std::string protocol = protocolOfPort(a);
    return protocol.empty() ? protocolOfPort(b) : protocol;
}

// "10.0.1.10:49152-10.0.2.10:25" -> the protocol of either port.
std::string protocolOfConnection(const std::string& connection) {
    std::uint16_t ports[2] = {0, 0};
    const auto dash = connection.find('-');
    if (dash == std::string::npos) return {};
    const std::string ends[2] = {connection.substr(0, dash), connection.substr(dash + 1)};
    for (int i = 0; i < 2; ++i) {
        const auto colon = ends[i].rfind(':');
        if (colon == std::string::npos) return {};
        const char* first = ends[i].data() + colon + 1;
        std::from_chars(first, ends[i].data() + ends[i].size(), ports[i]);
    }
    return protocolOfPorts(ports[0], ports[1]);
}

bool isApplicationLayer(const std::string& layer) {
    return layer == "smtp" || layer == "pop3" || layer == "imap" || layer == "ftp" || layer == "dns";
}

std::string tcpFlags(const TcpHeader& tcp) {
    std::string text;
    const auto add = [&text](const char* name) {
        if (!text.empty()) text += ", ";
        text += name;
    };
    if (tcp.has(tcp_flags::syn)) add("SYN");
    if (tcp.has(tcp_flags::fin)) add("FIN");
    if (tcp.has(tcp_flags::rst)) add("RST");
    if (tcp.has(tcp_flags::psh)) add("PSH");
    if (tcp.has(tcp_flags::ack)) add("ACK");
    if (tcp.has(tcp_flags::urg)) add("URG");
    return text;
}

std::string packetSummary(const trace::PacketRecord& record) {
    const Packet& packet = record.packet;
    std::string text{trace::toString(record.action)};
    if (!record.reason.empty()) text += " (" + record.reason + ")";
    text += ' ';
    if (const auto* tcp = packet.tcp()) {
        text += packet.ip.source.toString() + ':' + std::to_string(tcp->sourcePort) + " \u2192 " +
                packet.ip.destination.toString() + ':' + std::to_string(tcp->destinationPort) + " TCP [" +
                tcpFlags(*tcp) + "] seq=" + std::to_string(tcp->sequence);
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
    if (event.type == "line") return fieldText(event, "from") + ": " + fieldText(event, "text");
    if (isEvent(event, "narration", "caption")) return fieldText(event, "text");
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

std::string protocolOfPort(std::uint16_t port) {
    switch (port) {
        case 25: return "smtp";
        case 110: return "pop3";
        case 143: return "imap";
        case 20:
        case 21: return "ftp";
        case 53: return "dns";
        default: return {};
    }
}

RecordClass classifyRecord(const trace::Record& record) {
    RecordClass kind;
    if (const auto* packet = std::get_if<trace::PacketRecord>(&record)) {
        kind.layer = "packet";
        if (const auto* tcp = packet->packet.tcp()) kind.protocol = protocolOfPorts(tcp->sourcePort, tcp->destinationPort);
        if (const auto* udp = packet->packet.udp()) kind.protocol = protocolOfPorts(udp->sourcePort, udp->destinationPort);
        return kind;
    }
    const auto& event = std::get<trace::Event>(record);
    kind.layer = event.layer;
    if (isApplicationLayer(event.layer)) kind.protocol = event.layer;
    else if (const std::string connection = fieldText(event, "connection"); !connection.empty()) {
        kind.protocol = protocolOfConnection(connection);
    }
    return kind;
}

std::optional<ConnectionEnds> parseConnectionKey(std::string_view key) {
    const auto endpoint = [](std::string_view text) -> std::optional<Endpoint> {
        const auto colon = text.rfind(':');
        if (colon == std::string_view::npos) return std::nullopt;
        const auto address = Ipv4Address::parse(text.substr(0, colon));
        std::uint16_t port = 0;
        const char* first = text.data() + colon + 1;
        const char* last = text.data() + text.size();
        const auto [end, error] = std::from_chars(first, last, port);
        if (!address || error != std::errc{} || end != last || first == last) return std::nullopt;
        return Endpoint{*address, port};
    };
    const auto dash = key.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const auto a = endpoint(key.substr(0, dash));
    const auto b = endpoint(key.substr(dash + 1));
    if (!a || !b) return std::nullopt;
    return ConnectionEnds{*a, *b};
}

bool recordInConnection(const trace::Record& record, const ConnectionEnds& ends) {
    const auto same = [&ends](Endpoint x, Endpoint y) {
        return (x == ends.a && y == ends.b) || (x == ends.b && y == ends.a);
    };
    if (const auto* packet = std::get_if<trace::PacketRecord>(&record)) {
        const Packet& p = packet->packet;
        if (const auto* tcp = p.tcp()) {
            return same(Endpoint{p.ip.source, tcp->sourcePort}, Endpoint{p.ip.destination, tcp->destinationPort});
        }
        if (const auto* udp = p.udp()) {
            return same(Endpoint{p.ip.source, udp->sourcePort}, Endpoint{p.ip.destination, udp->destinationPort});
        }
        return false;
    }
    const auto& event = std::get<trace::Event>(record);
    for (const auto& [name, value] : event.fields) {
        if (name != "connection") continue;
        const auto* text = std::get_if<std::string>(&value);
        if (text == nullptr) return false;
        const auto named = parseConnectionKey(*text);
        return named && same(named->a, named->b);
    }
    return false;
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
