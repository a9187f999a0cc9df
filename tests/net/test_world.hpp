#pragma once
// A simulator, a tracer with a recording sink and a network, wired together.

#include <cstdint>

#include "simulator/net/network.hpp"
#include "recording_sink.hpp"

namespace netstage::net::testing {

struct TestWorld {
    explicit TestWorld(std::uint64_t seed = 1) : streams{seed} { tracer.addSink(sink); }

    Simulator simulator;
    trace::Tracer tracer;
    RecordingSink sink;
    RandomStreams streams;
    Network network{simulator, tracer, streams};
};

// A UDP datagram whose IPv4 packet is exactly `wireSize` bytes.
inline Packet udpPacket(Ipv4Address destination, std::size_t wireSize, std::uint16_t port = 9) {
    Packet packet;
    packet.ip.protocol = IpProtocol::Udp;
    packet.ip.destination = destination;
    packet.transport = UdpHeader{40000, port};
    packet.payload.resize(wireSize - Ipv4Header::size - UdpHeader::size);
    return packet;
}

inline Ipv4Address ip(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
    return Ipv4Address{a, b, c, d};
}

}  // namespace netstage::net::testing
