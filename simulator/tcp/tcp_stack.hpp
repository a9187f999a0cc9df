#pragma once
// The TCP layer of one host. The IP layer below is a function: every segment
// leaves through `output` as a full Packet (IP source and destination set,
// uid 0 for the IP layer to assign) and arrives through receive(). `output`
// must not call back into receive() of the same stack synchronously (a
// loopback path delivers in a later event, as a link would).
//
// Lookup is O(1): connections live in a hash map keyed by their 4-tuple (the
// local address is the stack's own), listeners in a hash map keyed by port.
// Neither map is ever iterated where the order could be observed.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "simulator/core/random.hpp"
#include "simulator/core/simulator.hpp"
#include "simulator/packet/packet.hpp"
#include "simulator/tcp/tcp_callbacks.hpp"
#include "simulator/tcp/tcp_config.hpp"
#include "simulator/tcp/tcp_connection.hpp"
#include "simulator/tcp/tcp_stats.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::tcp {

class TcpStack {
public:
    using IpOutput = std::function<void(Packet&&)>;
    using AcceptHandler = std::function<void(std::shared_ptr<TcpConnection>)>;

    static constexpr std::uint16_t firstEphemeralPort = 49152;

    TcpStack(Simulator& simulator, trace::Tracer& tracer, RandomStream isnStream, std::uint32_t nodeId,
             std::string nodeName, Ipv4Address localAddress, IpOutput output, TcpConfig config = {});
    ~TcpStack();
    TcpStack(const TcpStack&) = delete;
    TcpStack& operator=(const TcpStack&) = delete;

    // A segment addressed to this host (the IP layer has checked the address).
    void receive(const Packet& packet);

    // onAccept runs when a connection reaches ESTABLISHED. False if the port
    // already has a listener.
    bool listen(std::uint16_t port, AcceptHandler onAccept);
    // Connections already accepted or half-open are not affected.
    void stopListening(std::uint16_t port);
    bool isListening(std::uint16_t port) const { return listeners_.contains(port); }

    // Active open from the next free ephemeral port (49152 upward, wrapping,
    // skipping ports in use). Throws std::runtime_error when none is free.
    std::shared_ptr<TcpConnection> connect(Endpoint remote, TcpCallbacks callbacks = {});
    // Active open from a fixed local port, as an FTP server's active data
    // connection from port 20 (RFC 959 section 3.2). The port may be shared
    // with a listener and other connections; only the exact 4-tuple must be
    // free, else std::runtime_error (the old connection may be in TIME-WAIT).
    std::shared_ptr<TcpConnection> connectFrom(std::uint16_t localPort, Endpoint remote, TcpCallbacks callbacks = {});

    TcpStats totals() const { return totals_; }
    // Connections not yet CLOSED (TIME-WAIT included).
    std::size_t connectionCount() const { return connections_.size(); }
    std::shared_ptr<TcpConnection> find(Endpoint local, Endpoint remote) const;

    Ipv4Address localAddress() const { return localAddress_; }
    std::uint32_t nodeId() const { return nodeId_; }
    const std::string& nodeName() const { return nodeName_; }
    const TcpConfig& config() const { return config_; }

private:
    friend class TcpConnection;

    struct ConnectionKey {
        std::uint16_t localPort;
        std::uint16_t remotePort;
        std::uint32_t remoteAddress;
        friend bool operator==(const ConnectionKey&, const ConnectionKey&) = default;
    };
    struct ConnectionKeyHash {
        std::size_t operator()(const ConnectionKey& key) const noexcept;
    };
    static ConnectionKey keyOf(const TcpConnection& connection);

    void traceListener(std::uint16_t port, TcpState from, TcpState to);
    void onSegmentInListen(const Packet& packet, const AcceptHandler& onAccept);
    void sendResetFor(const Packet& packet);
    void transmit(Packet&& packet);
    void addConnection(const std::shared_ptr<TcpConnection>& connection);
    void removeConnection(const TcpConnection& connection);
    void accepted(TcpConnection& connection);
    std::uint16_t allocateEphemeralPort();
    bool portInUse(std::uint16_t port) const;
    std::uint32_t nextIsn();

    Simulator& simulator_;
    trace::Tracer& tracer_;
    RandomStream isnStream_;
    std::uint32_t nodeId_;
    std::string nodeName_;
    Ipv4Address localAddress_;
    IpOutput output_;
    TcpConfig config_;
    TcpStats totals_;

    std::unordered_map<ConnectionKey, std::shared_ptr<TcpConnection>, ConnectionKeyHash> connections_;
    std::unordered_map<std::uint16_t, AcceptHandler> listeners_;
    // Passive connections waiting for ESTABLISHED keep the handler of the
    // listener that created them, so stopListening() cannot strand them.
    std::unordered_map<const TcpConnection*, AcceptHandler> pendingAccepts_;
    std::unordered_map<std::uint16_t, std::uint32_t> localPortUse_;
    std::uint16_t nextEphemeral_ = firstEphemeralPort;
};

}  // namespace netstage::tcp
