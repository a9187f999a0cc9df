#pragma once
// The DNS queries a bridge's host sends for programs outside the world: the
// stub resolver engine on a UDP socket of the host, as ResolverClient puts
// it for the mail servers, but answering with every record it got.
// Internal to bridge.cpp and bridge_query.cpp.

#include <map>

#include "protocols/dns/resolver.hpp"
#include "simulator/apps/bridge.hpp"
#include "simulator/apps/engine_timer.hpp"
#include "simulator/net/udp_socket.hpp"

namespace netstage::apps {

class Bridge::Lookups {
public:
    Lookups(Bridge& bridge, Endpoint server);
    void start(BridgeId id, const std::string& name, dns::RecordType type);
    bool pending(BridgeId id) const;
    // The bridge is going away: no more answers into it.
    void detach() { bridge_ = nullptr; }

private:
    std::chrono::nanoseconds now() const;
    void sendOutput();
    void onDatagram(const Bytes& bytes);
    void drainEvents();
    void armTimer();
    void onTimeout();
    void finish(dns::QueryId queryId, QueryAnswer answer);

    Bridge* bridge_;
    Simulator& simulator_;
    Endpoint server_;
    net::UdpSocket socket_;
    dns::Resolver resolver_;
    std::map<dns::QueryId, BridgeId> ids_;
    EngineTimer timer_;
};

}  // namespace netstage::apps
