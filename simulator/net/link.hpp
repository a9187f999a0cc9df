#pragma once
// A full-duplex point-to-point link between two interfaces. Each direction
// has its own transmitter and queue, so traffic one way never waits for
// traffic the other way.

#include <memory>

#include "simulator/net/ids.hpp"
#include "simulator/net/link_config.hpp"
#include "simulator/net/transmitter.hpp"
#include "simulator/packet/ipv4_address.hpp"

namespace netstage::net {

class Link {
public:
    Link(LinkId id, Node& a, Ipv4Address addressA, Node& b, Ipv4Address addressB, const LinkConfig& config,
         Simulator& simulator, trace::Tracer& tracer, const RandomStreams& streams);
    Link(const Link&) = delete;
    Link& operator=(const Link&) = delete;

    LinkId id() const { return id_; }
    NodeId nodeA() const { return a_; }
    NodeId nodeB() const { return b_; }
    Ipv4Address addressA() const { return addressA_; }
    Ipv4Address addressB() const { return addressB_; }
    const LinkConfig& config() const { return config_; }
    bool isUp() const { return up_; }

    // Precondition for the three below: `node` is one end of the link.
    NodeId peerOf(NodeId node) const { return node == a_ ? b_ : a_; }
    Ipv4Address addressOf(NodeId node) const { return node == a_ ? addressA_ : addressB_; }
    // The direction whose transmitter sits at `node`.
    const Transmitter& transmitterAt(NodeId node) const { return node == a_ ? *aToB_ : *bToA_; }

    // Hands a packet to the transmitter at `from`.
    void transmitFrom(NodeId from, Packet&& packet, bool forwarded) {
        (from == a_ ? *aToB_ : *bToA_).transmit(std::move(packet), forwarded);
    }
    // Going down drops what is queued and on the wire in both directions.
    void setUp(bool up);

private:
    LinkId id_;
    NodeId a_;
    NodeId b_;
    Ipv4Address addressA_;
    Ipv4Address addressB_;
    LinkConfig config_;
    bool up_ = true;
    std::unique_ptr<Transmitter> aToB_;
    std::unique_ptr<Transmitter> bToA_;
};

}  // namespace netstage::net
