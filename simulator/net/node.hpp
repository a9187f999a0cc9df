#pragma once
// A host or a router. Both originate and receive packets; only a router
// forwards a packet addressed to someone else (decrementing its TTL). Routes
// come from the network's routing table (Network::computeRoutes()).

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/net/ids.hpp"
#include "simulator/net/route.hpp"
#include "simulator/packet/packet.hpp"
#include "simulator/trace/trace_event.hpp"

namespace netstage::net {

class Network;
class Transmitter;
class UdpSocket;

enum class NodeKind : std::uint8_t { Host, Router };
std::string_view toString(NodeKind kind);  // "host", "router"

struct Interface {
    LinkId link = noLink;
    Ipv4Address address;
};

class Node {
public:
    using TransportHandler = std::function<void(const Packet&)>;

    Node(Network& network, NodeId id, std::string name, NodeKind kind);
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;

    NodeId id() const { return id_; }
    const std::string& name() const { return name_; }
    NodeKind kind() const { return kind_; }
    bool isRouter() const { return kind_ == NodeKind::Router; }
    const std::vector<Interface>& interfaces() const { return interfaces_; }
    // Interface addresses in the order the links were added.
    std::vector<Ipv4Address> addresses() const;
    // The first interface's address, or 0.0.0.0 for a node without links.
    Ipv4Address primaryAddress() const;
    bool hasAddress(Ipv4Address address) const;
    // The route towards `destination`; !exists() when there is none.
    Route routeTo(NodeId destination) const;

    // Originates a packet: gives it a run-wide uid if it has none, the
    // outgoing interface's address as source if the source is 0.0.0.0, then
    // routes and transmits it. Unknown or unreachable destination: Dropped "no-route".
    void send(Packet packet);

    // Receives every packet of `protocol` addressed to this node (TCP). UDP is
    // demultiplexed by UdpSocket and cannot take a handler (throws).
    void setTransportHandler(IpProtocol protocol, TransportHandler handler);

    Network& network() { return network_; }

private:
    friend class Network;
    friend class Transmitter;
    friend class UdpSocket;

    void addInterface(LinkId link, Ipv4Address address) { interfaces_.push_back({link, address}); }
    // A packet whose last bit arrived over `link`.
    void receive(Packet&& packet, LinkId link);
    void deliver(Packet&& packet, std::int32_t link);
    // Looks the route up and hands the packet to the link. A packet this
    // node originates gets its source filled; a forwarded one is left as is.
    void transmit(Packet&& packet, bool forwarded);
    void drop(const Packet& packet, std::string_view reason, std::int32_t link = -1);
    void trace(trace::PacketAction action, std::string_view reason, const Packet& packet, std::int32_t link);

    // UDP port table, used by UdpSocket.
    std::uint16_t bindUdp(std::uint16_t port, UdpSocket& socket);
    void unbindUdp(std::uint16_t port);

    Network& network_;
    NodeId id_;
    std::string name_;
    NodeKind kind_;
    std::vector<Interface> interfaces_;
    TransportHandler tcpHandler_;
    std::map<std::uint16_t, UdpSocket*> udpSockets_;
    std::uint16_t nextEphemeralPort_ = 49152;
};

}  // namespace netstage::net
