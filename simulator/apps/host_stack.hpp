#pragma once
// A host's transport layer: the TCP stack bound to a network node. The node
// hands it every TCP segment addressed to the host; the stack sends through
// the node. This is the one place where simulator/net and simulator/tcp meet.

#include <memory>

#include "simulator/core/random.hpp"
#include "simulator/net/network.hpp"
#include "simulator/tcp/tcp_stack.hpp"

namespace netstage::apps {

class HostStack {
public:
    HostStack(net::Network& network, net::NodeId node, const RandomStreams& streams, tcp::TcpConfig config = {});
    ~HostStack();
    HostStack(const HostStack&) = delete;
    HostStack& operator=(const HostStack&) = delete;

    net::Node& node() { return node_; }
    const net::Node& node() const { return node_; }
    tcp::TcpStack& tcp() { return *tcp_; }
    const tcp::TcpStack& tcp() const { return *tcp_; }
    Simulator& simulator() { return node_.network().simulator(); }

private:
    net::Node& node_;
    std::unique_ptr<tcp::TcpStack> tcp_;
};

}  // namespace netstage::apps
