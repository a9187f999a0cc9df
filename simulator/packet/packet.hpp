#pragma once
// A packet as it exists on the simulated wire: real IPv4 and TCP/UDP header
// fields plus the payload. wire_format.hpp turns it into the exact bytes a
// capture would show (with correct checksums) and back.

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "simulator/packet/ipv4_address.hpp"

namespace netstage {

using Bytes = std::vector<std::uint8_t>;

enum class IpProtocol : std::uint8_t { Tcp = 6, Udp = 17 };

struct Ipv4Header {
    Ipv4Address source;
    Ipv4Address destination;
    IpProtocol protocol = IpProtocol::Tcp;
    std::uint8_t ttl = 64;
    std::uint8_t dscp = 0;
    std::uint16_t identification = 0;
    bool dontFragment = true;
    static constexpr std::size_t size = 20;  // no options
    bool operator==(const Ipv4Header&) const = default;
};

namespace tcp_flags {
inline constexpr std::uint8_t fin = 0x01;
inline constexpr std::uint8_t syn = 0x02;
inline constexpr std::uint8_t rst = 0x04;
inline constexpr std::uint8_t psh = 0x08;
inline constexpr std::uint8_t ack = 0x10;
inline constexpr std::uint8_t urg = 0x20;
}  // namespace tcp_flags

struct TcpHeader {
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint32_t sequence = 0;
    std::uint32_t acknowledgement = 0;
    std::uint8_t flags = 0;
    std::uint16_t window = 0;
    std::optional<std::uint16_t> mss;  // MSS option, only on SYN segments

    bool has(std::uint8_t flag) const { return (flags & flag) != 0; }
    // 20 bytes, plus 4 for the MSS option.
    std::size_t size() const { return mss ? 24 : 20; }
    bool operator==(const TcpHeader&) const = default;
};

struct UdpHeader {
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    static constexpr std::size_t size = 8;
    bool operator==(const UdpHeader&) const = default;
};

struct Packet {
    // Unique within one simulation run; follows the packet across hops.
    std::uint64_t uid = 0;
    Ipv4Header ip;
    std::variant<TcpHeader, UdpHeader> transport;
    Bytes payload;

    const TcpHeader* tcp() const { return std::get_if<TcpHeader>(&transport); }
    TcpHeader* tcp() { return std::get_if<TcpHeader>(&transport); }
    const UdpHeader* udp() const { return std::get_if<UdpHeader>(&transport); }
    UdpHeader* udp() { return std::get_if<UdpHeader>(&transport); }

    std::size_t transportHeaderSize() const {
        if (const auto* t = tcp()) return t->size();
        return UdpHeader::size;
    }
    // Bytes on the wire: IPv4 header + transport header + payload.
    std::size_t wireSize() const { return Ipv4Header::size + transportHeaderSize() + payload.size(); }
    // Same wire bytes: every field but uid, which never travels.
    bool sameWire(const Packet& other) const {
        return ip == other.ip && transport == other.transport && payload == other.payload;
    }
};

}  // namespace netstage
