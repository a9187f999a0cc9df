#include "simulator/packet/packet_summary.hpp"

#include "simulator/packet/tcp_flag_names.hpp"

namespace netstage {

namespace {

std::string flagList(std::uint8_t flags) {
    const std::string names = tcpFlagNames(flags);
    return "[" + (names.empty() ? std::string{"<none>"} : names) + "]";
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
