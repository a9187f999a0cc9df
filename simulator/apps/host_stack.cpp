#include "simulator/apps/host_stack.hpp"

namespace netstage::apps {

HostStack::HostStack(net::Network& network, net::NodeId node, const RandomStreams& streams, tcp::TcpConfig config)
    : node_{network.node(node)} {
    tcp_ = std::make_unique<tcp::TcpStack>(
        network.simulator(), network.tracer(), streams.stream("tcp/isn/" + node_.name()), node_.id(), node_.name(),
        node_.primaryAddress(), [this](Packet&& packet) { node_.send(std::move(packet)); }, config);
    node_.setTransportHandler(IpProtocol::Tcp, [this](const Packet& packet) { tcp_->receive(packet); });
}

HostStack::~HostStack() { node_.setTransportHandler(IpProtocol::Tcp, nullptr); }

}  // namespace netstage::apps
