#pragma once
// One simulated host's programs: what a student runs on a host of a live
// world (a terminal, telnet, an FTP client, a mail program). They talk to
// the world only through the LiveWorld's bridge of that host, so every
// connection, every typed byte and every DNS query is a traced input that a
// recorded session replays exactly (`netstage run`), and pausing the world
// freezes them: bytes sent while it is paused leave when it runs again.
//
// A front end (the GUI, `netstage shell`) steps the LiveWorld before it
// passes input on (LiveWorld::step), so inputs happen at the current
// simulated time; while the world is paused, inputs wait and enter when it
// runs again. One ProgramHost per host of a LiveWorld: every program on
// that host shares it (it takes the host's bridge events over). It must go
// before its LiveWorld does, and the programs on it (a Terminal) before it.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "programs/local_files.hpp"
#include "protocols/dns/message.hpp"
#include "simulator/apps/bridge.hpp"
#include "simulator/packet/ipv4_address.hpp"
#include "simulator/scenario/live_world.hpp"

namespace netstage::programs {

// Names a connection (or a lookup) of one ProgramHost; never reused.
using ConnectionId = apps::BridgeId;

// What happens to a connection, each reported once, in this order (any may be skipped).
struct ConnectionEvents {
    // connect() by name or address text only: the address it goes to, before TCP opens.
    std::function<void(Ipv4Address)> resolved;
    // TCP is up (for listen(): the connection from inside arrived).
    std::function<void()> connected;
    // Bytes the other side sent, in order.
    std::function<void(std::string_view bytes)> received;
    // The other side closed its sending side; nothing more will be received.
    // (Also reported when the connection is reset or refused, just before `ended`.)
    std::function<void()> peerClosed;
    // The connection is over, however it ended: "closed", "TCP reset",
    // "refused (the server host answered the SYN with a reset)",
    // "no answer after 6 SYNs", or, for a name that did not resolve,
    // "unknown host (NXDOMAIN)" / "unknown host (timeout)" / "unknown host (no A record)".
    std::function<void(const std::string& outcome)> ended;
};

// The answer to a lookup, as the host's stub resolver saw it.
struct Lookup {
    enum class Status {
        Found,       // the server answered (records may still be empty: no record of that type)
        NoSuchName,  // NXDOMAIN, or, in a scenario without DNS, not one of its hosts
        Failed,      // no answer (timeout), SERVFAIL or another error
    };
    Status status = Status::Failed;
    std::string name;
    dns::RecordType type = dns::RecordType::A;
    std::vector<dns::ResourceRecord> records;      // the answer section
    std::vector<dns::ResourceRecord> additionals;  // e.g. the A records of MX exchanges
    std::string reason;                            // for failures: "NXDOMAIN", "timeout", "SERVFAIL", ...
    // The DNS server asked; nullopt when the scenario has no DNS and the
    // name was looked up among the scenario's hosts (as /etc/hosts would).
    std::optional<Endpoint> server;

    // The A records' addresses, in answer order.
    std::vector<Ipv4Address> addresses() const;
};

class ProgramHost {
public:
    // Throws std::invalid_argument if the world has no host named `host`.
    ProgramHost(scenario::LiveWorld& world, std::string host);
    // Closes what is still open (as a program that exits) and gives the host's events back.
    ~ProgramHost();
    ProgramHost(const ProgramHost&) = delete;
    ProgramHost& operator=(const ProgramHost&) = delete;

    const std::string& name() const { return name_; }
    Ipv4Address address() const;
    scenario::LiveWorld& world() { return world_; }
    const scenario::LiveWorld& world() const { return world_; }
    // The host's own files (get/put, the terminal's cat/echo).
    LocalFiles& files() { return files_; }
    const LocalFiles& files() const { return files_; }
    // The scenario's DNS server, if it has one.
    std::optional<Endpoint> dnsServer() const;

    // Opens a TCP connection from this host to `server`.
    ConnectionId connect(Endpoint server, ConnectionEvents events);
    // `host` is an address ("10.0.2.10") or a name; a name is resolved first
    // (an A query to the scenario's DNS server, seen on the wire; without
    // DNS, the scenario's host names), and `events.resolved` reports the address.
    ConnectionId connect(const std::string& host, std::uint16_t port, ConnectionEvents events);
    // Listens on `port` of this host for one connection from inside the
    // world (an FTP server's active-mode data connection). Throws
    // std::invalid_argument if the port is already listening.
    ConnectionId listen(std::uint16_t port, ConnectionEvents events);
    // A port nobody on this host listens on, for listen(); never the same twice.
    std::uint16_t freePort();

    // Sends bytes (queued until TCP is up and its window opens). Ignored,
    // like a write to a closed socket, once the connection is closing or over.
    void send(ConnectionId id, std::string_view bytes);
    // Closes the sending side once what was sent is out (a FIN); during a
    // lookup it cancels the connection (ended: "closed").
    void close(ConnectionId id);
    // No more events for `id` (the program that owned it is gone); closes it too.
    void forget(ConnectionId id);
    // Not over yet: resolving, connecting, connected, or half closed.
    bool isOpen(ConnectionId id) const { return connections_.contains(id); }
    // Bytes sent on `id` that the simulated TCP has not taken yet.
    std::size_t backlog(ConnectionId id) const;
    std::size_t openCount() const { return connections_.size(); }
    // Every connection still open, closed (end of a session).
    void closeAll();

    // Looks `name` up (A or MX): a real query over UDP to the scenario's DNS
    // server, seen on the wire, with the resolver's retransmissions; without
    // DNS, the scenario's host names answer A lookups. `done` is called once,
    // later (never from inside resolve()).
    void resolve(const std::string& name, dns::RecordType type, std::function<void(const Lookup&)> done);

private:
    struct Entry {
        ConnectionEvents events;
        bool resolving = false;    // waiting for the address before it opens
        bool closeWanted = false;  // close() during the lookup
        bool closing = false;      // closed, or the peer closed (the bridge closes this side then)
        std::string early;         // sent during the lookup
    };

    apps::Bridge& bridge() { return world_.bridge(name_); }
    // An input into the world: at once, or, from inside a callback of the
    // world's events, once the events of this time have run (as the replay applies it).
    void input(std::function<void()> action);
    // Runs a program's callback; inputs it makes are deferred.
    template <typename Callback, typename... Args>
    void call(const Callback& callback, Args&&... args);
    void opened(ConnectionId id, const Lookup& lookup, std::uint16_t port);
    void onAnswered(apps::BridgeId id, const apps::QueryAnswer& answer);
    Entry* find(ConnectionId id);

    scenario::LiveWorld& world_;
    std::string name_;
    LocalFiles files_;
    ConnectionId nextId_ = 1;
    std::uint16_t nextPort_ = 40000;
    std::map<ConnectionId, Entry> connections_;
    std::map<ConnectionId, std::function<void(const Lookup&)>> lookups_;
    int insideCallback_ = 0;
    // Deferred work checks it: the host may be gone by then.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace netstage::programs
