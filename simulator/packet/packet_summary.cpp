#include "simulator/packet/packet_summary.hpp"

#include <array>
#include <utility>

namespace netstage {

namespace {

std::string flagList(std::uint8_t flags) {
    static constexpr std::array<std::pair<std::uint8_t, const char*>, 8> names{{
        {tcp_flags::fin, "FIN"}, {tcp_flags::syn, "SYN"}, {tcp_flags::rst, "RST"},
        {tcp_flags::psh, "PSH"}, {tcp_flags::ack, "ACK"}, {tcp_flags::urg, "URG"},
        {0x40, "ECE"}, {0x80, "CWR"},
    }};
    std::string out = "[";
    for (const auto& [bit, name] : names) {
        if ((flags & bit) == 0) continue;
        if (out.size() > 1) out += ", ";
        out += name;
    }
    if (out.size() == 1) out += "<none>";
    return out + ']';
}

}  // namespace

std::string summarize(const Packet& packet) {
    std::string out;
    if (const auto* tcp = packet.tcp()) {
        out = Endpoint{packet.ip.source, tcp->sourcePort}.toString() + " > " +
              Endpoint{packet.ip.destination, tcp->destinationPort}.toString() + " TCP " +
              flagList(tcp->flags) + " seq=" + std::to_string(tcp->sequence);
        if (tcp->has(tcp_flags::ack)) out += " ack=" + std::to_string(tcp->acknowledgement);
        out += " win=" + std::to_string(tcp->window) + " len=" + std::to_string(packet.payload.size());
        if (tcp->mss) out += " mss=" + std::to_string(*tcp->mss);
        return out;
    }
    const auto& udp = std::get<UdpHeader>(packet.transport);
    return Endpoint{packet.ip.source, udp.sourcePort}.toString() + " > " +
           Endpoint{packet.ip.destination, udp.destinationPort}.toString() +
           " UDP len=" + std::to_string(packet.payload.size());
}

}  // namespace netstage
