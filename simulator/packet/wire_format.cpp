#include "simulator/packet/wire_format.hpp"

#include <stdexcept>

#include "simulator/packet/checksum.hpp"

namespace netstage {

namespace {

constexpr std::size_t maxDatagram = 65535;
constexpr std::uint8_t tcpOptionMss = 2;
constexpr std::uint16_t dontFragmentBit = 0x4000;

void put16(Bytes& out, std::size_t at, std::uint16_t v) {
    out[at] = static_cast<std::uint8_t>(v >> 8);
    out[at + 1] = static_cast<std::uint8_t>(v);
}
void put32(Bytes& out, std::size_t at, std::uint32_t v) {
    put16(out, at, static_cast<std::uint16_t>(v >> 16));
    put16(out, at + 2, static_cast<std::uint16_t>(v));
}
std::uint16_t get16(std::span<const std::uint8_t> in, std::size_t at) {
    return static_cast<std::uint16_t>((in[at] << 8) | in[at + 1]);
}
std::uint32_t get32(std::span<const std::uint8_t> in, std::size_t at) {
    return (std::uint32_t{get16(in, at)} << 16) | get16(in, at + 2);
}

// RFC 793 section 3.1 / RFC 768: the pseudo-header is source, destination,
// zero, protocol and the transport length.
std::uint32_t pseudoHeaderSum(Ipv4Address source, Ipv4Address destination, IpProtocol protocol,
                              std::size_t transportLength) {
    std::uint64_t sum = (source.value() >> 16) + (source.value() & 0xffff) + (destination.value() >> 16) +
                        (destination.value() & 0xffff) + static_cast<std::uint8_t>(protocol) + transportLength;
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint32_t>(sum);
}

WireError fail(std::string message, std::size_t offset) { return WireError{std::move(message), offset}; }

}  // namespace

void appendWire(const Packet& packet, Bytes& out) {
    const std::size_t total = packet.wireSize();
    if (total > maxDatagram) {
        throw std::length_error("packet of " + std::to_string(total) + " bytes exceeds an IPv4 datagram");
    }
    const std::size_t ipAt = out.size();
    const std::size_t l4At = ipAt + Ipv4Header::size;
    const std::size_t payloadAt = l4At + packet.transportHeaderSize();
    appendIpv4Header(packet, out);
    out.resize(ipAt + total);
    const Ipv4Header& ip = packet.ip;

    const std::size_t transportLength = total - Ipv4Header::size;
    std::copy(packet.payload.begin(), packet.payload.end(), out.begin() + static_cast<std::ptrdiff_t>(payloadAt));
    std::size_t checksumAt = 0;
    if (const auto* tcp = packet.tcp()) {
        put16(out, l4At, tcp->sourcePort);
        put16(out, l4At + 2, tcp->destinationPort);
        put32(out, l4At + 4, tcp->sequence);
        put32(out, l4At + 8, tcp->acknowledgement);
        out[l4At + 12] = static_cast<std::uint8_t>((tcp->size() / 4) << 4);
        out[l4At + 13] = tcp->flags;
        put16(out, l4At + 14, tcp->window);
        put16(out, l4At + 16, 0);
        put16(out, l4At + 18, 0);  // urgent pointer
        if (tcp->mss) {
            out[l4At + 20] = tcpOptionMss;
            out[l4At + 21] = 4;
            put16(out, l4At + 22, *tcp->mss);
        }
        checksumAt = l4At + 16;
    } else {
        const auto& udp = std::get<UdpHeader>(packet.transport);
        put16(out, l4At, udp.sourcePort);
        put16(out, l4At + 2, udp.destinationPort);
        put16(out, l4At + 4, static_cast<std::uint16_t>(transportLength));
        put16(out, l4At + 6, 0);
        checksumAt = l4At + 6;
    }
    const std::uint32_t pseudo = pseudoHeaderSum(ip.source, ip.destination, ip.protocol, transportLength);
    std::uint16_t checksum = internetChecksum(std::span{out}.subspan(l4At, transportLength), pseudo);
    // RFC 768: a computed zero is sent as all ones, since zero means "no checksum".
    if (checksum == 0 && packet.udp()) checksum = 0xffff;
    put16(out, checksumAt, checksum);
}

void appendIpv4Header(const Packet& packet, Bytes& out) {
    const std::size_t ipAt = out.size();
    out.resize(ipAt + Ipv4Header::size);
    const Ipv4Header& ip = packet.ip;
    out[ipAt] = 0x45;  // version 4, IHL 5
    out[ipAt + 1] = static_cast<std::uint8_t>(ip.dscp << 2);
    put16(out, ipAt + 2, static_cast<std::uint16_t>(packet.wireSize()));
    put16(out, ipAt + 4, ip.identification);
    put16(out, ipAt + 6, ip.dontFragment ? dontFragmentBit : 0);
    out[ipAt + 8] = ip.ttl;
    out[ipAt + 9] = static_cast<std::uint8_t>(ip.protocol);
    put16(out, ipAt + 10, 0);
    put32(out, ipAt + 12, ip.source.value());
    put32(out, ipAt + 16, ip.destination.value());
    put16(out, ipAt + 10, internetChecksum(std::span{out}.subspan(ipAt, Ipv4Header::size)));
}

Bytes toWire(const Packet& packet) {
    Bytes out;
    out.reserve(packet.wireSize());
    appendWire(packet, out);
    return out;
}

WireResult parseWire(std::span<const std::uint8_t> in) {
    if (in.size() < Ipv4Header::size) {
        return fail("truncated IPv4 header: " + std::to_string(in.size()) + " bytes", in.size());
    }
    if ((in[0] >> 4) != 4) return fail("IP version " + std::to_string(in[0] >> 4) + " is not 4", 0);
    if ((in[0] & 0x0f) != 5) {
        return fail("IPv4 header length " + std::to_string((in[0] & 0x0f) * 4) + " (options are not supported)", 0);
    }
    if ((in[1] & 0x03) != 0) return fail("ECN bits set (not supported)", 1);
    const std::uint16_t total = get16(in, 2);
    if (total != in.size()) {
        return fail("IPv4 total length " + std::to_string(total) + " but " + std::to_string(in.size()) +
                        " bytes present", 2);
    }
    const std::uint16_t flagsAndOffset = get16(in, 6);
    if ((flagsAndOffset & ~dontFragmentBit) != 0) return fail("fragmented or reserved flag set", 6);
    if (internetChecksum(in.first(Ipv4Header::size)) != 0) return fail("bad IPv4 header checksum", 10);

    Packet packet;
    packet.ip.dscp = static_cast<std::uint8_t>(in[1] >> 2);
    packet.ip.identification = get16(in, 4);
    packet.ip.dontFragment = (flagsAndOffset & dontFragmentBit) != 0;
    packet.ip.ttl = in[8];
    packet.ip.source = Ipv4Address{get32(in, 12)};
    packet.ip.destination = Ipv4Address{get32(in, 16)};

    const std::size_t l4At = Ipv4Header::size;
    const auto l4 = in.subspan(l4At);
    std::size_t headerSize = 0;
    std::size_t checksumAt = 0;
    if (in[9] == static_cast<std::uint8_t>(IpProtocol::Tcp)) {
        packet.ip.protocol = IpProtocol::Tcp;
        if (l4.size() < 20) return fail("truncated TCP header", in.size());
        TcpHeader tcp;
        tcp.sourcePort = get16(l4, 0);
        tcp.destinationPort = get16(l4, 2);
        tcp.sequence = get32(l4, 4);
        tcp.acknowledgement = get32(l4, 8);
        headerSize = std::size_t{static_cast<std::uint8_t>(l4[12] >> 4)} * 4;
        if ((l4[12] & 0x0f) != 0) return fail("TCP reserved bits set", l4At + 12);
        if (headerSize < 20 || headerSize > l4.size()) {
            return fail("TCP data offset " + std::to_string(headerSize) + " out of range", l4At + 12);
        }
        tcp.flags = l4[13];
        tcp.window = get16(l4, 14);
        if (get16(l4, 18) != 0) return fail("TCP urgent pointer set (not supported)", l4At + 18);
        if (headerSize == 24) {
            if (l4[20] != tcpOptionMss || l4[21] != 4) {
                return fail("TCP options other than a single MSS option are not supported", l4At + 20);
            }
            tcp.mss = get16(l4, 22);
        } else if (headerSize != 20) {
            return fail("TCP options other than a single MSS option are not supported", l4At + 20);
        }
        packet.transport = tcp;
        checksumAt = l4At + 16;
    } else if (in[9] == static_cast<std::uint8_t>(IpProtocol::Udp)) {
        packet.ip.protocol = IpProtocol::Udp;
        if (l4.size() < UdpHeader::size) return fail("truncated UDP header", in.size());
        headerSize = UdpHeader::size;
        if (get16(l4, 4) != l4.size()) {
            return fail("UDP length " + std::to_string(get16(l4, 4)) + " but " + std::to_string(l4.size()) +
                            " bytes present", l4At + 4);
        }
        packet.transport = UdpHeader{get16(l4, 0), get16(l4, 2)};
        checksumAt = l4At + 6;
    } else {
        return fail("IP protocol " + std::to_string(in[9]) + " is neither TCP nor UDP", 9);
    }

    const bool udpWithoutChecksum = packet.udp() && get16(in, checksumAt) == 0;
    const std::uint32_t pseudo = pseudoHeaderSum(packet.ip.source, packet.ip.destination, packet.ip.protocol, l4.size());
    if (!udpWithoutChecksum && internetChecksum(l4, pseudo) != 0) {
        return fail(std::string{packet.tcp() ? "bad TCP checksum" : "bad UDP checksum"}, checksumAt);
    }
    packet.payload.assign(l4.begin() + static_cast<std::ptrdiff_t>(headerSize), l4.end());
    return packet;
}

}  // namespace netstage
