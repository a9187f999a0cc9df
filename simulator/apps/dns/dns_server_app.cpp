#include "simulator/apps/dns/dns_server_app.hpp"

#include "simulator/apps/dns/dns_text.hpp"
#include "simulator/apps/world_clock.hpp"
#include "simulator/net/network.hpp"

namespace netstage::apps {

DnsServerApp::DnsServerApp(net::Node& node, dns::Zone zone) : node_{node}, engine_{std::move(zone)}, socket_{node, 53} {
    socket_.setReceiveCallback([this](Endpoint from, const Bytes& query) { onQuery(from, query); });
}

void DnsServerApp::onQuery(Endpoint from, const Bytes& query) {
    const Time now = node_.network().simulator().now();
    engine_.receive(query, engineTime(now));
    trace::Tracer& tracer = node_.network().tracer();
    for (auto event = engine_.nextEvent(); !proto::isNeedData(event); event = engine_.nextEvent()) {
        if (!tracer.wantsEvents()) continue;
        if (const auto* answered = std::get_if<dns::QueryAnswered>(&event)) {
            tracer.event(trace::Event{now, node_.name(), "dns", "answer",
                                      {{"id", std::int64_t{answered->id}},
                                       {"name", answered->name},
                                       {"type", dns::toString(answered->type)},
                                       {"rcode", dns::toString(answered->rcode)},
                                       {"answers", describeRecords(answered->answers)},
                                       {"client", from.toString()}}});
        } else if (const auto* error = std::get_if<dns::ProtocolError>(&event)) {
            tracer.event(trace::Event{now, node_.name(), "dns", "error",
                                      {{"reason", error->reason}, {"client", from.toString()}}});
        }
    }
    // The engine answers each query at once, so its output is the reply to this sender.
    for (auto& reply : engine_.takeOutput()) socket_.sendTo(from, std::move(reply));
}

}  // namespace netstage::apps
