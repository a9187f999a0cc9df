#pragma once
// Packet <-> the exact bytes a capture would show: a 20-byte IPv4 header, a
// TCP header (with the MSS option when set) or a UDP header, then the
// payload, all checksums filled in. parseWire is the inverse: it accepts
// everything toWire produces, so parse(toWire(p)) == p (bar uid, which never
// travels on the wire), and refuses any bad checksum. It also accepts two
// things toWire never writes but a real stack may: a UDP checksum of 0 ("not
// computed") and a checksum written as 0xffff rather than 0 (both ones'
// complement zeros).

#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <variant>

#include "simulator/packet/packet.hpp"

namespace netstage {

struct WireError {
    std::string message;
    std::size_t offset = 0;  // byte offset in the input where the problem is
};

// Packet or WireError; C++20 has no std::expected.
class WireResult {
public:
    WireResult(Packet packet) : value_{std::move(packet)} {}
    WireResult(WireError error) : value_{std::move(error)} {}

    bool ok() const { return std::holds_alternative<Packet>(value_); }
    explicit operator bool() const { return ok(); }
    const Packet& packet() const& { return std::get<Packet>(value_); }
    Packet&& packet() && { return std::get<Packet>(std::move(value_)); }
    const WireError& error() const { return std::get<WireError>(value_); }

private:
    std::variant<Packet, WireError> value_;
};

// Appends the packet's wire bytes to `out`. Throws std::length_error if the
// packet does not fit an IPv4 datagram (65535 bytes).
void appendWire(const Packet& packet, Bytes& out);
Bytes toWire(const Packet& packet);
// Appends only the packet's 20-byte IPv4 header, as appendWire writes it.
void appendIpv4Header(const Packet& packet, Bytes& out);

// Verifies version, header length, total length, flags, every checksum and
// every length field. The returned packet has uid 0.
WireResult parseWire(std::span<const std::uint8_t> bytes);

}  // namespace netstage
