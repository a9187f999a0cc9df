#pragma once
// Connections from outside the world into it: a real client on a loopback
// socket (`netstage serve`), or a program a student runs on a simulated host.
// Each is a simulated TCP connection from a host in the world to a server in
// it. Bytes from outside go in at the current simulated time; what the server
// sends comes back out through the callbacks. Every input is a trace event
// (layer "bridge": open, input, close), so a live session can be replayed
// exactly, at the same simulated times, without the outside.
//
// The simulated side of a bridged connection is a ClientConnection whose
// "engine" passes bytes through: the same TCP handling (send queue, close
// once sent, one report of the end) as every client application.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/dns/message.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/session_keeper.hpp"
#include "simulator/packet/ipv4_address.hpp"

namespace netstage::apps {

using BridgeId = std::uint32_t;

// What a DNS query from outside (Bridge::query) came back with, as the
// host's stub resolver saw it.
struct QueryAnswer {
    enum class Status {
        Answered,    // the server answered (the answer section may be empty: no record of that type)
        NoSuchName,  // NXDOMAIN
        Failed,      // no answer after the last retransmission, SERVFAIL or another error
    };
    Status status = Status::Failed;
    std::string name;
    dns::RecordType type = dns::RecordType::A;
    std::vector<dns::ResourceRecord> records;      // the answer section
    std::vector<dns::ResourceRecord> additionals;  // e.g. the A records of MX exchanges
    std::string reason;                            // "NXDOMAIN", "timeout", "SERVFAIL", ...
    Endpoint server;                               // the DNS server asked
};

struct BridgeCallbacks {
    // TCP reached the server (or a listening id's connection arrived).
    std::function<void(BridgeId)> connected;
    // Bytes the other side sent, in order.
    std::function<void(BridgeId, std::string_view)> received;
    // The server closed its side; nothing more will be received. The
    // simulated side then closes too, once what was sent is out, as a
    // program does when its socket reads end-of-file.
    std::function<void(BridgeId)> peerClosed;
    // The connection is over, however it ended ("closed", "TCP reset",
    // "refused (...)"); the id may be used again afterwards.
    std::function<void(BridgeId, const std::string& outcome)> ended;
    // A query (Bridge::query) is over: answered, NXDOMAIN or failed.
    std::function<void(BridgeId, const QueryAnswer&)> answered;
};

class Bridge {
public:
    // Connections start at `from`, a host in the world.
    Bridge(HostStack& from, BridgeCallbacks callbacks);
    ~Bridge();
    Bridge(const Bridge&) = delete;
    Bridge& operator=(const Bridge&) = delete;

    // Opens connection `id` to `server` now. Throws std::invalid_argument if `id` is in use.
    void open(BridgeId id, Endpoint server);
    // Listens on `port` of the bridge's host for one connection from inside
    // the world (an FTP server's active-mode data connection), which becomes
    // connection `id`: `connected` reports it, and it is used like an opened
    // one. Throws std::invalid_argument if `id` is in use or the port is taken.
    void listen(BridgeId id, std::uint16_t port);
    // Sends bytes on `id` (queued until TCP is connected and its window opens).
    // Ignored, like a write to a closed socket, once `id` has ended or after close().
    void send(BridgeId id, std::string_view bytes);
    // The DNS server queries go to (the scenario's); without one, query() throws std::logic_error.
    void setDnsServer(Endpoint server) { dnsServer_ = server; }
    const std::optional<Endpoint>& dnsServer() const { return dnsServer_; }
    // Sends a real DNS query for `name` (A or MX) over UDP from the bridge's
    // host to the DNS server, with the host's stub resolver engine (its
    // retransmissions too); `answered` reports how it ended. `id` names the
    // query in the trace and the callback; it shares the connections' ids.
    // Throws std::invalid_argument if `id` is in use by a connection or a query.
    void query(BridgeId id, const std::string& name, dns::RecordType type);

    // Closes `id`'s sending side once what was sent is out (a FIN).
    void close(BridgeId id);
    // The outside reader of `id` is not keeping up: received bytes wait in
    // the simulated TCP's receive buffer and its window closes, until
    // resumeReading(). Both are inputs, traced like the others, because they
    // change what the simulated TCP does.
    void pauseReading(BridgeId id);
    void resumeReading(BridgeId id);

    // A line of connection `id` that a gateway outside the world rewrote (an
    // FTP address, as a NAT's FTP helper does): traced so a teacher can show
    // it, but no input, since the rewritten bytes are what enter the world.
    void noteRewrite(BridgeId id, bool towardServer, const std::string& original, const std::string& rewritten);
    // Bytes sent on `id` that the simulated TCP has not taken yet (0 once it has ended).
    std::size_t backlog(BridgeId id) const;
    bool isOpen(BridgeId id) const { return connections_.contains(id); }
    bool isQuerying(BridgeId id) const;
    std::size_t openCount() const { return connections_.size(); }
    const std::string& hostName() const;

private:
    class Connection;
    friend class Connection;
    class Lookups;
    friend class Lookups;

    void traceInput(std::string type, BridgeId id, std::string_view bytes, std::string server = {}, std::uint16_t port = 0);
    void ended(BridgeId id, const std::string& outcome);
    void answered(BridgeId id, const QueryAnswer& answer);

    HostStack& host_;
    BridgeCallbacks callbacks_;
    std::map<BridgeId, std::shared_ptr<Connection>> connections_;
    std::map<std::uint16_t, BridgeId> listening_;  // port -> the id its connection gets
    SessionKeeper keeper_;
    std::optional<Endpoint> dnsServer_;
    std::unique_ptr<Lookups> lookups_;  // made at the first query: its UDP socket takes a port then
};

// How bridge events carry bytes: "text" when they are printable (UTF-8, tab,
// CR, LF), else "base64", so any byte string survives the trace exactly.
struct BridgeBytes {
    std::string field;  // "text" or "base64"
    std::string value;
};
BridgeBytes encodeBridgeBytes(std::string_view bytes);
// The bytes back from a field; nullopt if `field` is neither or the base64 is broken.
std::optional<std::string> decodeBridgeBytes(std::string_view field, std::string_view value);

}  // namespace netstage::apps
