#pragma once
// A UDP socket bound to one port of one node. Datagrams to a port nobody
// has bound are dropped with reason "port-unreachable" (no ICMP is modelled).

#include <cstdint>
#include <functional>

#include "simulator/packet/ipv4_address.hpp"
#include "simulator/packet/packet.hpp"

namespace netstage::net {

class Node;

class UdpSocket {
public:
    using ReceiveCallback = std::function<void(Endpoint from, const Bytes& payload)>;

    // Binds `port` on `node`; port 0 picks a free ephemeral port (49152..65535).
    // Throws std::invalid_argument if the port is taken.
    UdpSocket(Node& node, std::uint16_t port = 0);
    ~UdpSocket();
    UdpSocket(const UdpSocket&) = delete;
    UdpSocket& operator=(const UdpSocket&) = delete;

    // The node's primary address and the bound port.
    Endpoint localEndpoint() const;
    bool isOpen() const { return open_; }

    void setReceiveCallback(ReceiveCallback callback) { onReceive_ = std::move(callback); }
    // Sends one datagram. Throws std::logic_error after close().
    void sendTo(Endpoint destination, Bytes payload);
    // Unbinds the port; later datagrams to it are "port-unreachable".
    void close();

private:
    friend class Node;
    void deliver(const Packet& packet);

    Node& node_;
    std::uint16_t port_;
    bool open_ = true;
    ReceiveCallback onReceive_;
};

}  // namespace netstage::net
