#pragma once
// A host's stub resolver: the DNS resolver engine on a UDP socket, with its
// retransmission timer on the simulator. Answers where mail for a domain
// goes (MX, falling back to the domain's A record, RFC 5321 §5.1).

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "protocols/dns/mail_exchanges.hpp"
#include "protocols/dns/resolver.hpp"
#include "simulator/apps/engine_timer.hpp"
#include "simulator/core/simulator.hpp"
#include "simulator/net/udp_socket.hpp"

namespace netstage::apps {

struct MailRouteResult {
    enum class Status { Found, Permanent, Temporary } status = Status::Temporary;
    dns::MailRoute route;
    std::string reason;  // for failures: "NXDOMAIN", "timeout", "null MX", ...
};

class ResolverClient {
public:
    using MailRouteCallback = std::function<void(const MailRouteResult&)>;

    ResolverClient(net::Node& node, Endpoint server);
    ~ResolverClient();

    void findMailRoute(const std::string& domain, MailRouteCallback callback);

private:
    struct Lookup {
        std::string domain;
        bool triedA = false;
        MailRouteCallback callback;
    };

    std::chrono::nanoseconds now() const;
    void sendOutput();  // what the resolver queued, to the server
    void onDatagram(const Bytes& bytes);
    void drainEvents();
    void armTimer();
    void onTimeout();
    void finish(dns::QueryId id, MailRouteResult result);

    net::Node& node_;
    Endpoint server_;
    net::UdpSocket socket_;
    dns::Resolver resolver_;
    std::map<dns::QueryId, Lookup> lookups_;
    EngineTimer timer_;  // the resolver's retransmission deadline
};

}  // namespace netstage::apps
