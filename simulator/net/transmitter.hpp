#pragma once
// One direction of a point-to-point link: a drop-tail queue in front of a
// transmitter, then the wire. A packet is serialised for
// transmissionTime(wireSize, rate) and arrives `delay` after its last bit
// left, so a viewer can animate the hop from (start, rate, delay).

#include <cstdint>
#include <string_view>

#include "simulator/core/random.hpp"
#include "simulator/core/simulator.hpp"
#include "simulator/net/ring_buffer.hpp"
#include "simulator/packet/packet.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::net {

class Link;
class Node;

class Transmitter {
public:
    Transmitter(Simulator& simulator, trace::Tracer& tracer, const Link& link, Node& from, Node& to,
                RandomStream loss);
    Transmitter(const Transmitter&) = delete;
    Transmitter& operator=(const Transmitter&) = delete;

    // Starts transmitting at once if idle, else queues or drops ("queue-full").
    // On a down link the packet is dropped ("link-down"). `forwarded` says
    // whether the transmission is reported as Forwarded or as Sent.
    void transmit(Packet&& packet, bool forwarded);
    // Drops everything queued and in flight with `reason`; the transmitter is idle afterwards.
    void dropAll(std::string_view reason);

    std::size_t queueLength() const { return queue_.size(); }
    std::size_t inFlight() const { return wire_.size(); }
    bool busy() const { return busy_; }
    std::uint64_t lostCount() const { return lost_; }

private:
    struct Waiting {
        Packet packet;
        bool forwarded = false;
    };
    struct OnWire {
        Packet packet;
        bool lost = false;
    };

    void start(Packet&& packet, bool forwarded);
    void finishTransmission(std::uint32_t generation);
    void arrive(std::uint32_t generation);
    void trace(trace::PacketAction action, std::string_view reason, const Packet& packet);

    Simulator& simulator_;
    trace::Tracer& tracer_;
    const Link& link_;
    Node& from_;
    Node& to_;
    RandomStream loss_;
    RingBuffer<Waiting> queue_;
    // Packets being serialised or propagating, in arrival order (the delay is constant).
    RingBuffer<OnWire> wire_;
    // Bumped when the link goes down, so events scheduled before are ignored.
    std::uint32_t generation_ = 0;
    bool busy_ = false;
    std::uint64_t lost_ = 0;
};

}  // namespace netstage::net
