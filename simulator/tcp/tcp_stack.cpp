#include "simulator/tcp/tcp_stack.hpp"

#include <stdexcept>
#include <utility>

#include "simulator/trace/connection_key.hpp"

namespace netstage::tcp {

TcpStack::TcpStack(Simulator& simulator, trace::Tracer& tracer, RandomStream isnStream, std::uint32_t nodeId,
                   std::string nodeName, Ipv4Address localAddress, IpOutput output, TcpConfig config)
    : simulator_{simulator},
      tracer_{tracer},
      isnStream_{isnStream},
      nodeId_{nodeId},
      nodeName_{std::move(nodeName)},
      localAddress_{localAddress},
      output_{std::move(output)},
      config_{config} {
    if (config_.mss == 0) throw std::invalid_argument{"TcpConfig::mss must be positive"};
    if (config_.receiveBuffer == 0) throw std::invalid_argument{"TcpConfig::receiveBuffer must be positive"};
}

TcpStack::~TcpStack() {
    // A connection still open when the world is taken down (a live session
    // stopped in the middle of an FTP transfer) may be held by an object its
    // own callbacks hold; dropping the callbacks breaks every such cycle.
    for (auto& [key, connection] : connections_) connection->dropCallbacks();
    pendingAccepts_.clear();
}

std::size_t TcpStack::ConnectionKeyHash::operator()(const ConnectionKey& key) const noexcept {
    std::uint64_t h = (std::uint64_t{key.remoteAddress} << 32) | (std::uint64_t{key.remotePort} << 16) | key.localPort;
    // splitmix64 finaliser: spreads the fields over all bits.
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return static_cast<std::size_t>(h);
}

TcpStack::ConnectionKey TcpStack::keyOf(const TcpConnection& connection) {
    return {connection.local().port, connection.remote().port, connection.remote().address.value()};
}

void TcpStack::receive(const Packet& packet) {
    const TcpHeader* header = packet.tcp();
    if (header == nullptr) return;
    totals_.segmentsReceived++;
    const ConnectionKey key{header->destinationPort, header->sourcePort, packet.ip.source.value()};
    if (auto it = connections_.find(key); it != connections_.end()) {
        // Hold a reference: the segment may close the connection and erase it.
        const std::shared_ptr<TcpConnection> connection = it->second;
        connection->segmentArrives(packet);
        return;
    }
    if (auto it = listeners_.find(header->destinationPort); it != listeners_.end()) {
        const AcceptHandler handler = it->second;
        onSegmentInListen(packet, handler);
        return;
    }
    sendResetFor(packet);
}

// RFC 9293 section 3.10.7.2: a segment for a port in LISTEN.
void TcpStack::onSegmentInListen(const Packet& packet, const AcceptHandler& onAccept) {
    const TcpHeader& header = *packet.tcp();
    if (header.has(tcp_flags::rst)) return;
    if (header.has(tcp_flags::ack)) {
        sendResetFor(packet);
        return;
    }
    if (!header.has(tcp_flags::syn)) return;
    const Endpoint local{localAddress_, header.destinationPort};
    const Endpoint remote{packet.ip.source, header.sourcePort};
    auto connection = std::make_shared<TcpConnection>(TcpConnection::PassKey{}, *this, local, remote, TcpCallbacks{});
    addConnection(connection);
    pendingAccepts_.emplace(connection.get(), onAccept);
    totals_.passiveOpens++;
    connection->openPassive(nextIsn(), header);
    // Data on a SYN is not accepted before the handshake completes; the peer
    // retransmits it (RFC 9293 section 3.10.7.2 allows queueing it instead).
}

// RFC 9293 section 3.10.7.1: a segment for no connection and no listener.
void TcpStack::sendResetFor(const Packet& packet) {
    const TcpHeader& in = *packet.tcp();
    if (in.has(tcp_flags::rst)) return;
    Packet reset;
    reset.ip.source = localAddress_;
    reset.ip.destination = packet.ip.source;
    reset.ip.protocol = IpProtocol::Tcp;
    TcpHeader out;
    out.sourcePort = in.destinationPort;
    out.destinationPort = in.sourcePort;
    if (in.has(tcp_flags::ack)) {
        out.sequence = in.acknowledgement;
        out.flags = tcp_flags::rst;
    } else {
        std::uint32_t length = static_cast<std::uint32_t>(packet.payload.size());
        if (in.has(tcp_flags::syn)) ++length;
        if (in.has(tcp_flags::fin)) ++length;
        out.sequence = 0;
        out.acknowledgement = in.sequence + length;
        out.flags = tcp_flags::rst | tcp_flags::ack;
    }
    reset.transport = out;
    totals_.resetsSent++;
    totals_.segmentsSent++;
    if (tracer_.wantsEvents()) {
        // A segment of no connection says nothing of who opened it; its sender is taken as the
        // client, as for a SYN to a closed port. The text, this host's end first, is the same either way.
        const auto key = trace::ConnectionKey{{packet.ip.source, in.sourcePort}, {localAddress_, in.destinationPort}};
        tracer_.event(trace::Event{simulator_.now(), nodeName_, "tcp", "reset",
                                   {{"connection", key.toString(trace::ConnectionSide::Server)},
                                    {"reason", std::string{"no-connection"}}}});
    }
    transmit(std::move(reset));
}

void TcpStack::transmit(Packet&& packet) { output_(std::move(packet)); }

bool TcpStack::listen(std::uint16_t port, AcceptHandler onAccept) {
    if (port == 0) throw std::invalid_argument{"TcpStack::listen: port 0"};
    if (!listeners_.emplace(port, std::move(onAccept)).second) return false;
    traceListener(port, TcpState::Closed, TcpState::Listen);
    return true;
}

void TcpStack::stopListening(std::uint16_t port) {
    if (listeners_.erase(port) > 0) traceListener(port, TcpState::Listen, TcpState::Closed);
}

// A listener's connection name leaves the remote end unspecified, as RFC 9293 does.
void TcpStack::traceListener(std::uint16_t port, TcpState from, TcpState to) {
    if (!tracer_.wantsEvents()) return;
    tracer_.event(trace::Event{simulator_.now(), nodeName_, "tcp", "state",
                               {{"connection", trace::ConnectionKey{Endpoint{}, Endpoint{localAddress_, port}}
                                                   .toString(trace::ConnectionSide::Server)},
                                {"from", std::string{toString(from)}},
                                {"to", std::string{toString(to)}}}});
}

std::shared_ptr<TcpConnection> TcpStack::connect(Endpoint remote, TcpCallbacks callbacks) {
    const Endpoint local{localAddress_, allocateEphemeralPort()};
    auto connection =
        std::make_shared<TcpConnection>(TcpConnection::PassKey{}, *this, local, remote, std::move(callbacks));
    addConnection(connection);
    totals_.activeOpens++;
    connection->openActive(nextIsn());
    return connection;
}

std::shared_ptr<TcpConnection> TcpStack::connectFrom(std::uint16_t localPort, Endpoint remote, TcpCallbacks callbacks) {
    if (localPort == 0) throw std::invalid_argument{"TcpStack::connectFrom: port 0"};
    const Endpoint local{localAddress_, localPort};
    if (connections_.contains(ConnectionKey{localPort, remote.port, remote.address.value()})) {
        throw std::runtime_error{"TcpStack::connectFrom: " + local.toString() + "-" + remote.toString() + " is in use"};
    }
    auto connection =
        std::make_shared<TcpConnection>(TcpConnection::PassKey{}, *this, local, remote, std::move(callbacks));
    addConnection(connection);
    totals_.activeOpens++;
    connection->openActive(nextIsn());
    return connection;
}

std::shared_ptr<TcpConnection> TcpStack::find(Endpoint local, Endpoint remote) const {
    if (local.address != localAddress_) return nullptr;
    auto it = connections_.find(ConnectionKey{local.port, remote.port, remote.address.value()});
    return it == connections_.end() ? nullptr : it->second;
}

void TcpStack::addConnection(const std::shared_ptr<TcpConnection>& connection) {
    connections_.emplace(keyOf(*connection), connection);
    localPortUse_[connection->local().port]++;
}

void TcpStack::removeConnection(const TcpConnection& connection) {
    pendingAccepts_.erase(&connection);
    auto it = connections_.find(keyOf(connection));
    if (it == connections_.end() || it->second.get() != &connection) return;
    if (auto use = localPortUse_.find(connection.local().port); use != localPortUse_.end()) {
        if (--use->second == 0) localPortUse_.erase(use);
    }
    connections_.erase(it);  // may destroy nothing: callers hold a reference
}

void TcpStack::accepted(TcpConnection& connection) {
    auto it = pendingAccepts_.find(&connection);
    if (it == pendingAccepts_.end()) return;
    const AcceptHandler handler = std::move(it->second);
    pendingAccepts_.erase(it);
    if (handler) handler(connection.shared_from_this());
}

bool TcpStack::portInUse(std::uint16_t port) const {
    return localPortUse_.contains(port) || listeners_.contains(port);
}

std::uint16_t TcpStack::allocateEphemeralPort() {
    constexpr std::uint32_t range = 65536 - firstEphemeralPort;
    for (std::uint32_t tried = 0; tried < range; ++tried) {
        const std::uint16_t port = nextEphemeral_;
        nextEphemeral_ = port == 65535 ? firstEphemeralPort : static_cast<std::uint16_t>(port + 1);
        if (!portInUse(port)) return port;
    }
    throw std::runtime_error{"TcpStack::connect: no free ephemeral port on " + nodeName_};
}

std::uint32_t TcpStack::nextIsn() { return static_cast<std::uint32_t>(isnStream_.nextU64()); }

}  // namespace netstage::tcp
