#include "simulator/net/node.hpp"

#include <stdexcept>

#include "simulator/net/network.hpp"
#include "simulator/net/udp_socket.hpp"

namespace netstage::net {

std::string_view toString(NodeKind kind) {
    return kind == NodeKind::Router ? "router" : "host";
}

Node::Node(Network& network, NodeId id, std::string name, NodeKind kind)
    : network_{network}, id_{id}, name_{std::move(name)}, kind_{kind} {}

std::vector<Ipv4Address> Node::addresses() const {
    std::vector<Ipv4Address> out;
    out.reserve(interfaces_.size());
    for (const Interface& i : interfaces_) out.push_back(i.address);
    return out;
}

Ipv4Address Node::primaryAddress() const {
    return interfaces_.empty() ? Ipv4Address{} : interfaces_.front().address;
}

bool Node::hasAddress(Ipv4Address address) const {
    for (const Interface& i : interfaces_) {
        if (i.address == address) return true;
    }
    return false;
}

Route Node::routeTo(NodeId destination) const { return network_.routes_.route(id_, destination); }

void Node::send(Packet packet) {
    if (packet.uid == 0) packet.uid = network_.nextUid();
    if (hasAddress(packet.ip.destination)) {
        // Loopback: no link, delivered after the current event like any arrival.
        if (packet.ip.source == Ipv4Address{}) packet.ip.source = packet.ip.destination;
        network_.simulator().schedule(Time::zero(), [this, p = std::move(packet)]() mutable { deliver(std::move(p), -1); });
        return;
    }
    transmit(std::move(packet), false);
}

void Node::transmit(Packet&& packet, bool forwarded) {
    const std::optional<NodeId> destination = network_.nodeByAddress(packet.ip.destination);
    const Route route = destination ? routeTo(*destination) : Route{};
    if (!route.exists()) {
        drop(packet, "no-route");
        return;
    }
    Link& link = network_.mutableLink(route.link);
    if (!forwarded && packet.ip.source == Ipv4Address{}) packet.ip.source = link.addressOf(id_);
    link.transmitFrom(id_, std::move(packet), forwarded);
}

void Node::receive(Packet&& packet, LinkId link) {
    if (hasAddress(packet.ip.destination)) {
        deliver(std::move(packet), static_cast<std::int32_t>(link));
        return;
    }
    if (!isRouter()) {
        drop(packet, "not-a-router");
        return;
    }
    if (packet.ip.ttl <= 1) {
        drop(packet, "ttl-expired");
        return;
    }
    --packet.ip.ttl;
    transmit(std::move(packet), true);
}

void Node::deliver(Packet&& packet, std::int32_t link) {
    if (packet.ip.protocol == IpProtocol::Udp) {
        const UdpHeader* udp = packet.udp();
        const auto socket = udp ? udpSockets_.find(udp->destinationPort) : udpSockets_.end();
        if (socket == udpSockets_.end()) {
            drop(packet, "port-unreachable");
            return;
        }
        trace(trace::PacketAction::Received, {}, packet, link);
        socket->second->deliver(packet);
        return;
    }
    if (!tcpHandler_ || packet.tcp() == nullptr) {
        drop(packet, "protocol-unreachable");
        return;
    }
    trace(trace::PacketAction::Received, {}, packet, link);
    tcpHandler_(packet);
}

void Node::setTransportHandler(IpProtocol protocol, TransportHandler handler) {
    if (protocol != IpProtocol::Tcp) throw std::invalid_argument("only TCP takes a transport handler; use UdpSocket");
    tcpHandler_ = std::move(handler);
}

void Node::drop(const Packet& packet, std::string_view reason, std::int32_t link) {
    trace(trace::PacketAction::Dropped, reason, packet, link);
}

void Node::trace(trace::PacketAction action, std::string_view reason, const Packet& packet, std::int32_t link) {
    trace::Tracer& tracer = network_.tracer();
    if (!tracer.wantsPackets()) return;
    tracer.packet(trace::PacketEvent{network_.simulator().now(), id_, name_, link, action, reason, packet});
}

std::uint16_t Node::bindUdp(std::uint16_t port, UdpSocket& socket) {
    if (port == 0) {
        constexpr std::uint32_t first = 49152;
        constexpr std::uint32_t count = 65536 - first;
        for (std::uint32_t tried = 0; tried < count; ++tried) {
            const auto candidate = static_cast<std::uint16_t>(first + (nextEphemeralPort_ - first + tried) % count);
            if (!udpSockets_.contains(candidate)) {
                port = candidate;
                nextEphemeralPort_ = static_cast<std::uint16_t>(first + (candidate - first + 1) % count);
                break;
            }
        }
        if (port == 0) throw std::invalid_argument("no free ephemeral UDP port on " + name_);
    }
    if (!udpSockets_.emplace(port, &socket).second) {
        throw std::invalid_argument("UDP port " + std::to_string(port) + " is already bound on " + name_);
    }
    return port;
}

void Node::unbindUdp(std::uint16_t port) {
    udpSockets_.erase(port);
}

}  // namespace netstage::net
