#include "programs/program_host.hpp"

#include <stdexcept>

#include "simulator/apps/host_stack.hpp"

namespace netstage::programs {

std::vector<Ipv4Address> Lookup::addresses() const {
    std::vector<Ipv4Address> out;
    for (const auto& record : records) {
        if (const auto* a = std::get_if<dns::A>(&record.data)) out.emplace_back(a->address);
    }
    return out;
}

ProgramHost::ProgramHost(scenario::LiveWorld& world, std::string host) : world_{world}, name_{std::move(host)} {
    if (world_.spec().findHost(name_) == nullptr) {
        throw std::invalid_argument{"the scenario has no host named '" + name_ + "'"};
    }
    world_.enablePrograms();
    (void)bridge();
    apps::BridgeCallbacks callbacks;
    callbacks.connected = [this](apps::BridgeId id) {
        if (Entry* entry = find(id)) call(entry->events.connected);
    };
    callbacks.received = [this](apps::BridgeId id, std::string_view bytes) {
        if (Entry* entry = find(id)) call(entry->events.received, bytes);
    };
    callbacks.peerClosed = [this](apps::BridgeId id) {
        Entry* entry = find(id);
        if (entry == nullptr) return;
        entry->closing = true;
        call(entry->events.peerClosed);
    };
    callbacks.ended = [this](apps::BridgeId id, const std::string& outcome) {
        const auto found = connections_.find(id);
        if (found == connections_.end()) return;
        const auto ended = std::move(found->second.events.ended);
        connections_.erase(found);
        call(ended, outcome);
    };
    callbacks.answered = [this](apps::BridgeId id, const apps::QueryAnswer& answer) { onAnswered(id, answer); };
    world_.setBridgeCallbacks(name_, std::move(callbacks));
}

ProgramHost::~ProgramHost() {
    *alive_ = false;
    for (const auto& [id, entry] : connections_) {
        if (!entry.resolving && !entry.closing) bridge().close(id);
    }
    world_.setBridgeCallbacks(name_, {});
}

template <typename Callback, typename... Args>
void ProgramHost::call(const Callback& callback, Args&&... args) {
    if (!callback) return;
    const auto copy = callback;  // the callback may forget its own connection
    ++insideCallback_;
    try {
        copy(std::forward<Args>(args)...);
    } catch (...) {
        --insideCallback_;
        throw;
    }
    --insideCallback_;
}

void ProgramHost::input(std::function<void()> action) {
    if (world_.finished()) return;  // the trace is closed: nothing enters any more
    // While paused, nothing enters the world: it leaves when the world runs again.
    if (insideCallback_ == 0 && !world_.paused()) {
        // Events an earlier input made due now run first, as in the replay.
        world_.world().advanceTo(world_.now());
        action();
        return;
    }
    world_.defer([alive = std::weak_ptr<bool>{alive_}, action = std::move(action)] {
        if (const auto live = alive.lock(); live && *live) action();
    });
}

Ipv4Address ProgramHost::address() const { return world_.spec().findHost(name_)->address; }

std::optional<Endpoint> ProgramHost::dnsServer() const { return world_.world().dnsServer(); }

ProgramHost::Entry* ProgramHost::find(ConnectionId id) {
    const auto found = connections_.find(id);
    return found == connections_.end() ? nullptr : &found->second;
}

ConnectionId ProgramHost::connect(Endpoint server, ConnectionEvents events) {
    const ConnectionId id = nextId_++;
    connections_[id].events = std::move(events);
    input([this, id, server] { bridge().open(id, server); });
    return id;
}

ConnectionId ProgramHost::connect(const std::string& host, std::uint16_t port, ConnectionEvents events) {
    const ConnectionId id = nextId_++;
    Entry& entry = connections_[id];
    entry.events = std::move(events);
    entry.resolving = true;
    if (const auto address = Ipv4Address::parse(host)) {
        Lookup lookup;
        lookup.status = Lookup::Status::Found;
        lookup.name = host;
        lookup.records.push_back(dns::makeA(host, address->value(), 0));
        world_.defer([this, alive = std::weak_ptr<bool>{alive_}, id, lookup, port] {
            if (const auto live = alive.lock(); live && *live) opened(id, lookup, port);
        });
        return id;
    }
    resolve(host, dns::RecordType::A, [this, id, port](const Lookup& lookup) { opened(id, lookup, port); });
    return id;
}

void ProgramHost::opened(ConnectionId id, const Lookup& lookup, std::uint16_t port) {
    Entry* entry = find(id);
    if (entry == nullptr) return;  // forgotten meanwhile
    const std::vector<Ipv4Address> addresses = lookup.addresses();
    std::string failure;
    if (entry->closeWanted) {
        failure = "closed";
    } else if (lookup.status == Lookup::Status::NoSuchName) {
        failure = "unknown host (" + (lookup.reason.empty() ? std::string{"NXDOMAIN"} : lookup.reason) + ")";
    } else if (lookup.status == Lookup::Status::Failed) {
        failure = "unknown host (" + lookup.reason + ")";
    } else if (addresses.empty()) {
        failure = "unknown host (no A record)";
    }
    if (!failure.empty()) {
        const auto ended = std::move(entry->events.ended);
        connections_.erase(id);
        call(ended, failure);
        return;
    }
    entry->resolving = false;
    const std::string early = std::move(entry->early);
    const Endpoint server{addresses.front(), port};
    call(entry->events.resolved, addresses.front());
    input([this, id, server, early] {
        if (find(id) == nullptr) return;
        bridge().open(id, server);
        if (!early.empty()) bridge().send(id, early);
    });
}

ConnectionId ProgramHost::listen(std::uint16_t port, ConnectionEvents events) {
    apps::HostStack* stack = world_.world().hostStack(name_);
    if (stack->tcp().isListening(port)) throw std::invalid_argument{"port " + std::to_string(port) + " is already listening"};
    const ConnectionId id = nextId_++;
    connections_[id].events = std::move(events);
    input([this, id, port] { bridge().listen(id, port); });
    return id;
}

std::uint16_t ProgramHost::freePort() {
    apps::HostStack* stack = world_.world().hostStack(name_);
    while (stack->tcp().isListening(nextPort_)) ++nextPort_;
    return nextPort_++;
}

void ProgramHost::send(ConnectionId id, std::string_view bytes) {
    Entry* entry = find(id);
    if (entry == nullptr || bytes.empty()) return;
    if (entry->resolving) {
        entry->early += bytes;
        return;
    }
    input([this, id, text = std::string{bytes}] { bridge().send(id, text); });
}

void ProgramHost::close(ConnectionId id) {
    Entry* entry = find(id);
    if (entry == nullptr) return;
    if (entry->resolving) {
        entry->closeWanted = true;
        return;
    }
    if (entry->closing) return;
    entry->closing = true;
    input([this, id] { bridge().close(id); });
}

void ProgramHost::forget(ConnectionId id) {
    Entry* entry = find(id);
    if (entry == nullptr) return;
    const bool quiet = entry->resolving || entry->closing;
    connections_.erase(id);
    if (!quiet) input([this, id] { bridge().close(id); });
}

std::size_t ProgramHost::backlog(ConnectionId id) const {
    const Entry* entry = connections_.contains(id) ? &connections_.at(id) : nullptr;
    if (entry == nullptr) return 0;
    if (entry->resolving) return entry->early.size();
    return world_.bridge(name_).backlog(id);
}

void ProgramHost::closeAll() {
    std::vector<ConnectionId> ids;
    for (const auto& [id, entry] : connections_) ids.push_back(id);
    for (const ConnectionId id : ids) close(id);
}

void ProgramHost::resolve(const std::string& name, dns::RecordType type, std::function<void(const Lookup&)> done) {
    if (dnsServer()) {
        const ConnectionId id = nextId_++;
        lookups_[id] = std::move(done);
        input([this, id, name, type] { bridge().query(id, name, type); });
        return;
    }
    // No DNS in the scenario: its host names answer, as /etc/hosts would.
    Lookup lookup;
    lookup.name = name;
    lookup.type = type;
    std::string wanted = name;
    if (!wanted.empty() && wanted.back() == '.') wanted.pop_back();
    if (const auto* host = world_.spec().findHost(wanted)) {
        lookup.status = Lookup::Status::Found;
        if (type == dns::RecordType::A) lookup.records.push_back(dns::makeA(wanted, host->address.value(), 0));
    } else {
        lookup.status = Lookup::Status::NoSuchName;
        lookup.reason = "not a host of the scenario, which has no DNS";
    }
    world_.defer([this, alive = std::weak_ptr<bool>{alive_}, lookup, done = std::move(done)] {
        if (const auto live = alive.lock(); live && *live) call(done, lookup);
    });
}

void ProgramHost::onAnswered(apps::BridgeId id, const apps::QueryAnswer& answer) {
    const auto found = lookups_.find(id);
    if (found == lookups_.end()) return;
    const auto done = std::move(found->second);
    lookups_.erase(found);
    Lookup lookup;
    switch (answer.status) {
        case apps::QueryAnswer::Status::Answered: lookup.status = Lookup::Status::Found; break;
        case apps::QueryAnswer::Status::NoSuchName: lookup.status = Lookup::Status::NoSuchName; break;
        case apps::QueryAnswer::Status::Failed: lookup.status = Lookup::Status::Failed; break;
    }
    lookup.name = answer.name;
    lookup.type = answer.type;
    lookup.records = answer.records;
    lookup.additionals = answer.additionals;
    lookup.reason = answer.reason;
    lookup.server = answer.server;
    call(done, lookup);
}

}  // namespace netstage::programs
