#include <stdexcept>

#include "simulator/apps/bridge_lookups.hpp"
#include "simulator/apps/world_clock.hpp"
#include "simulator/net/network.hpp"

namespace netstage::apps {

Bridge::Lookups::Lookups(Bridge& bridge, Endpoint server)
    : bridge_{&bridge},
      simulator_{bridge.host_.simulator()},
      server_{server},
      socket_{bridge.host_.node()},
      timer_{simulator_, [this] { onTimeout(); }} {
    socket_.setReceiveCallback([this](Endpoint, const Bytes& bytes) { onDatagram(bytes); });
}

void Bridge::Lookups::start(BridgeId id, const std::string& name, dns::RecordType type) {
    const dns::QueryId queryId = resolver_.startQuery(name, type, now());
    ids_[queryId] = id;
    sendOutput();
    armTimer();
}

bool Bridge::Lookups::pending(BridgeId id) const {
    for (const auto& [queryId, bridgeId] : ids_) {
        if (bridgeId == id) return true;
    }
    return false;
}

std::chrono::nanoseconds Bridge::Lookups::now() const { return engineTime(simulator_.now()); }

void Bridge::Lookups::sendOutput() {
    for (auto& datagram : resolver_.takeOutput()) socket_.sendTo(server_, std::move(datagram));
}

void Bridge::Lookups::onDatagram(const Bytes& bytes) {
    resolver_.receive(bytes, now());
    drainEvents();
    armTimer();
}

void Bridge::Lookups::drainEvents() {
    for (;;) {
        dns::ResolverEvent event = resolver_.nextEvent();
        if (proto::isNeedData(event)) return;
        QueryAnswer answer;
        answer.server = server_;
        dns::QueryId queryId = 0;
        if (auto* resolved = std::get_if<dns::Resolved>(&event)) {
            queryId = resolved->id;
            answer.status = QueryAnswer::Status::Answered;
            answer.name = resolved->name;
            answer.type = resolved->type;
            answer.records = std::move(resolved->records);
            answer.additionals = std::move(resolved->additionals);
        } else if (const auto* nx = std::get_if<dns::NameError>(&event)) {
            queryId = nx->id;
            answer.status = QueryAnswer::Status::NoSuchName;
            answer.name = nx->name;
            answer.type = nx->type;
            answer.reason = "NXDOMAIN";
        } else if (const auto* failed = std::get_if<dns::Failed>(&event)) {
            queryId = failed->id;
            answer.status = QueryAnswer::Status::Failed;
            answer.name = failed->name;
            answer.type = failed->type;
            answer.reason = failed->reason;
        } else {
            continue;  // a datagram that answered nothing: the resolver keeps waiting
        }
        finish(queryId, std::move(answer));
    }
}

void Bridge::Lookups::finish(dns::QueryId queryId, QueryAnswer answer) {
    const auto found = ids_.find(queryId);
    if (found == ids_.end()) return;
    const BridgeId id = found->second;
    ids_.erase(found);
    if (bridge_ != nullptr) bridge_->answered(id, answer);
}

void Bridge::Lookups::armTimer() {
    const auto deadline = resolver_.nextTimeout();
    timer_.set(deadline ? std::optional<Time>{Time::fromNanoseconds(deadline->count())} : std::nullopt);
}

void Bridge::Lookups::onTimeout() {
    resolver_.handleTimeout(now());
    sendOutput();
    drainEvents();
    armTimer();
}

void Bridge::query(BridgeId id, const std::string& name, dns::RecordType type) {
    if (!dnsServer_) throw std::logic_error{"the scenario has no DNS server to ask"};
    if (connections_.contains(id) || isQuerying(id)) {
        throw std::invalid_argument{"bridge id " + std::to_string(id) + " is already in use"};
    }
    trace::Tracer& tracer = host_.node().network().tracer();
    if (tracer.wantsEvents()) {
        trace::Fields fields{{"id", static_cast<std::int64_t>(id)}, {"name", name}, {"qtype", dns::toString(type)},
                             {"server", dnsServer_->toString()}};
        tracer.event(trace::Event{host_.simulator().now(), host_.node().name(), "bridge", "query", std::move(fields)});
    }
    if (!lookups_) lookups_ = std::make_unique<Lookups>(*this, *dnsServer_);
    lookups_->start(id, name, type);
}

bool Bridge::isQuerying(BridgeId id) const { return lookups_ && lookups_->pending(id); }

void Bridge::answered(BridgeId id, const QueryAnswer& answer) {
    trace::Tracer& tracer = host_.node().network().tracer();
    if (tracer.wantsEvents()) {
        std::string result;
        switch (answer.status) {
            case QueryAnswer::Status::Answered:
                result = std::to_string(answer.records.size()) + (answer.records.size() == 1 ? " record" : " records");
                break;
            case QueryAnswer::Status::NoSuchName:
            case QueryAnswer::Status::Failed:
                result = answer.reason;
                break;
        }
        trace::Fields fields{{"id", static_cast<std::int64_t>(id)}, {"name", answer.name},
                             {"qtype", dns::toString(answer.type)}, {"result", std::move(result)}};
        tracer.event(trace::Event{host_.simulator().now(), host_.node().name(), "bridge", "answer", std::move(fields)});
    }
    if (callbacks_.answered) callbacks_.answered(id, answer);
}

}  // namespace netstage::apps
