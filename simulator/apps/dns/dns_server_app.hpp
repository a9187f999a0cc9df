#pragma once
// An authoritative DNS server on UDP port 53.

#include <memory>

#include "protocols/dns/server_engine.hpp"
#include "simulator/net/udp_socket.hpp"

namespace netstage::apps {

class DnsServerApp {
public:
    DnsServerApp(net::Node& node, dns::Zone zone);

private:
    void onQuery(Endpoint from, const Bytes& query);

    net::Node& node_;
    dns::ServerEngine engine_;
    net::UdpSocket socket_;
};

}  // namespace netstage::apps
