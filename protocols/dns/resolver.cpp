#include "protocols/dns/resolver.hpp"

#include <stdexcept>
#include <utility>

#include "protocols/dns/wire_format.hpp"

namespace netstage::dns {

Resolver::Resolver(ResolverConfig config) : config_{std::move(config)}, counter_{config_.firstId} {
    if (config_.attempts < 1) throw std::invalid_argument("resolver needs at least one attempt");
    if (config_.timeout <= std::chrono::nanoseconds::zero()) throw std::invalid_argument("resolver timeout must be positive");
}

QueryId Resolver::allocateId() {
    if (pending_.size() > 0xFFFF) throw std::logic_error("resolver has no free query id");
    for (;;) {
        const QueryId id = config_.idSource ? config_.idSource() : counter_++;
        if (pending_.count(id) == 0) return id;
    }
}

QueryId Resolver::startQuery(const std::string& name, RecordType type, std::chrono::nanoseconds now) {
    std::string bare = name;
    if (!bare.empty() && bare.back() == '.') bare.pop_back();
    Message query;
    query.id = allocateId();
    query.flags.rd = config_.recursionDesired;
    query.questions.push_back(Question{bare, type, RecordClass::IN});
    Pending pending{query.questions.front(), serialize(query), 1, now + config_.timeout};
    output_.push_back(pending.bytes);
    pending_.emplace(query.id, std::move(pending));
    return query.id;
}

void Resolver::receive(std::span<const std::uint8_t> datagram, std::chrono::nanoseconds /*now*/) {
    auto parsed = parse(datagram);
    if (!parsed) {
        events_.emplace_back(ResponseIgnored{"unparsable response: " + parsed.error.reason});
        return;
    }
    const Message& response = *parsed.message;
    if (!response.flags.qr) {
        events_.emplace_back(ResponseIgnored{"datagram is a query, not a response"});
        return;
    }
    const auto found = pending_.find(response.id);
    if (found == pending_.end()) {
        events_.emplace_back(ResponseIgnored{"no outstanding query with id " + std::to_string(response.id)});
        return;
    }
    const Question& asked = found->second.question;
    // RFC 5452 §9.1: the question must match too, not just the id.
    if (response.questions.size() != 1 || !sameName(response.questions.front().name, asked.name) ||
        response.questions.front().type != asked.type || response.questions.front().klass != asked.klass) {
        events_.emplace_back(ResponseIgnored{"response " + std::to_string(response.id) + " does not match the question"});
        return;
    }
    const QueryId id = response.id;
    const std::string name = asked.name;
    const RecordType type = asked.type;
    pending_.erase(found);
    if (response.flags.tc) {
        events_.emplace_back(Failed{id, name, type, "response truncated (TCP retry not implemented)"});
        return;
    }
    switch (response.flags.rcode) {
        case Rcode::NoError: events_.emplace_back(Resolved{id, name, type, response.answers, response.additionals}); break;
        case Rcode::NxDomain: events_.emplace_back(NameError{id, name, type}); break;
        default: events_.emplace_back(Failed{id, name, type, "server answered " + toString(response.flags.rcode)}); break;
    }
}

std::optional<std::chrono::nanoseconds> Resolver::nextTimeout() const {
    std::optional<std::chrono::nanoseconds> earliest;
    for (const auto& [id, pending] : pending_) {
        if (!earliest || pending.deadline < *earliest) earliest = pending.deadline;
    }
    return earliest;
}

void Resolver::handleTimeout(std::chrono::nanoseconds now) {
    for (auto it = pending_.begin(); it != pending_.end();) {
        Pending& pending = it->second;
        if (pending.deadline > now) {
            ++it;
            continue;
        }
        if (pending.sent >= config_.attempts) {
            events_.emplace_back(Failed{it->first, pending.question.name, pending.question.type,
                                        "no response after " + std::to_string(pending.sent) + " attempts"});
            it = pending_.erase(it);
            continue;
        }
        ++pending.sent;
        pending.deadline = now + config_.timeout;
        output_.push_back(pending.bytes);
        ++it;
    }
}

ResolverEvent Resolver::nextEvent() {
    if (events_.empty()) return NeedData{};
    ResolverEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

std::vector<proto::Datagram> Resolver::takeOutput() { return std::exchange(output_, {}); }

}  // namespace netstage::dns
