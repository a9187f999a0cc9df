#include "simulator/net/udp_socket.hpp"

#include <stdexcept>

#include "simulator/net/node.hpp"

namespace netstage::net {

UdpSocket::UdpSocket(Node& node, std::uint16_t port) : node_{node}, port_{node.bindUdp(port, *this)} {}

UdpSocket::~UdpSocket() {
    close();
}

Endpoint UdpSocket::localEndpoint() const {
    return Endpoint{node_.primaryAddress(), port_};
}

void UdpSocket::sendTo(Endpoint destination, Bytes payload) {
    if (!open_) throw std::logic_error("sendTo on a closed UdpSocket");
    Packet packet;
    packet.ip.protocol = IpProtocol::Udp;
    packet.ip.destination = destination.address;
    packet.transport = UdpHeader{port_, destination.port};
    packet.payload = std::move(payload);
    node_.send(std::move(packet));
}

void UdpSocket::close() {
    if (!open_) return;
    open_ = false;
    node_.unbindUdp(port_);
}

void UdpSocket::deliver(const Packet& packet) {
    if (!onReceive_) return;
    onReceive_(Endpoint{packet.ip.source, packet.udp()->sourcePort}, packet.payload);
}

}  // namespace netstage::net
