#include "simulator/apps/dns/resolver_client.hpp"

#include "simulator/apps/world_clock.hpp"
#include "simulator/net/network.hpp"

namespace netstage::apps {

ResolverClient::ResolverClient(net::Node& node, Endpoint server)
    : node_{node}, server_{server}, socket_{node}, timer_{node.network().simulator(), [this] { onTimeout(); }} {
    socket_.setReceiveCallback([this](Endpoint, const Bytes& bytes) { onDatagram(bytes); });
}

ResolverClient::~ResolverClient() = default;

void ResolverClient::findMailRoute(const std::string& domain, MailRouteCallback callback) {
    const dns::QueryId id = resolver_.startQuery(domain, dns::RecordType::MX, now());
    lookups_[id] = Lookup{domain, false, std::move(callback)};
    sendOutput();
    armTimer();
}

std::chrono::nanoseconds ResolverClient::now() const { return engineTime(node_.network().simulator().now()); }

void ResolverClient::sendOutput() {
    for (auto& datagram : resolver_.takeOutput()) socket_.sendTo(server_, std::move(datagram));
}

void ResolverClient::onDatagram(const Bytes& bytes) {
    resolver_.receive(bytes, now());
    drainEvents();
    armTimer();
}

void ResolverClient::drainEvents() {
    for (;;) {
        dns::ResolverEvent event = resolver_.nextEvent();
        if (proto::isNeedData(event)) return;
        if (const auto* resolved = std::get_if<dns::Resolved>(&event)) {
            auto it = lookups_.find(resolved->id);
            if (it == lookups_.end()) continue;
            std::vector<dns::ResourceRecord> records = resolved->records;
            records.insert(records.end(), resolved->additionals.begin(), resolved->additionals.end());
            MailRouteResult result;
            result.route = dns::mailExchangesFor(it->second.domain, records);
            if (result.route.nullMx) {
                result.status = MailRouteResult::Status::Permanent;
                result.reason = "the domain accepts no mail (null MX)";
            } else if (!result.route.exchanges.empty()) {
                result.status = MailRouteResult::Status::Found;
            } else if (!it->second.triedA) {
                // No MX: the domain's own A record is an implicit MX (RFC 5321 §5.1).
                Lookup lookup = std::move(it->second);
                lookups_.erase(it);
                lookup.triedA = true;
                const dns::QueryId id = resolver_.startQuery(lookup.domain, dns::RecordType::A, now());
                lookups_[id] = std::move(lookup);
                sendOutput();
                continue;
            } else {
                result.status = MailRouteResult::Status::Permanent;
                result.reason = "no MX and no A record";
            }
            finish(resolved->id, std::move(result));
        } else if (const auto* nx = std::get_if<dns::NameError>(&event)) {
            finish(nx->id, MailRouteResult{MailRouteResult::Status::Permanent, {}, "NXDOMAIN: no such domain"});
        } else if (const auto* failed = std::get_if<dns::Failed>(&event)) {
            finish(failed->id, MailRouteResult{MailRouteResult::Status::Temporary, {}, "DNS " + failed->reason});
        }
    }
}

void ResolverClient::finish(dns::QueryId id, MailRouteResult result) {
    auto it = lookups_.find(id);
    if (it == lookups_.end()) return;
    MailRouteCallback callback = std::move(it->second.callback);
    lookups_.erase(it);
    callback(result);
}

void ResolverClient::armTimer() {
    const auto deadline = resolver_.nextTimeout();
    timer_.set(deadline ? std::optional<Time>{Time::fromNanoseconds(deadline->count())} : std::nullopt);
}

void ResolverClient::onTimeout() {
    resolver_.handleTimeout(now());
    sendOutput();
    drainEvents();
    armTimer();
}

}  // namespace netstage::apps
