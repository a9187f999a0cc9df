#pragma once
// Two TcpStacks ("client" 10.0.1.2 and "server" 10.0.2.10) joined by a fake
// wire: every segment arrives after a fixed delay (plus its serialization
// time when a rate is given). A hook sees each segment with its index on the
// wire (both directions counted together) and may drop, duplicate or delay it.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "simulator/core/random.hpp"
#include "simulator/core/simulator.hpp"
#include "simulator/tcp/tcp_stack.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::tcp::testing {

using namespace netstage::time_literals;

inline const Ipv4Address clientAddress{10, 0, 1, 2};
inline const Ipv4Address serverAddress{10, 0, 2, 10};

class RecordingSink final : public trace::TraceSink {
public:
    void onPacket(const trace::PacketEvent&) override {}
    void onEvent(const trace::Event& event) override { events.push_back(event); }

    std::vector<trace::Event> events;

    // "FROM>TO" for every state change of `node`, in order.
    std::vector<std::string> transitions(const std::string& node) const;
    // When `node` entered state `to` (first time), or Time::max().
    Time timeEntered(const std::string& node, const std::string& to) const;
    std::vector<const trace::Event*> ofType(const std::string& type) const;
};

std::string fieldString(const trace::Event& event, const std::string& name);
std::int64_t fieldInt(const trace::Event& event, const std::string& name);

enum class Fate { Deliver, Drop, Duplicate, Delay };

struct WireDecision {
    Fate fate = Fate::Deliver;
    Time extraDelay;  // for Delay
};

struct WireRecord {
    Time time;
    bool fromClient;
    TcpHeader header;
    std::size_t payloadSize;
    Fate fate;
};

class TestNetwork {
public:
    explicit TestNetwork(TcpConfig clientConfig = {}, TcpConfig serverConfig = {}, Time delay = 10_ms,
                         std::int64_t bitsPerSecond = 0, bool traceEvents = true);

    Simulator simulator;
    trace::Tracer tracer;
    RecordingSink sink;
    std::unique_ptr<TcpStack> client;
    std::unique_ptr<TcpStack> server;
    std::function<WireDecision(const Packet&, std::size_t index)> hook;
    std::vector<WireRecord> wire;
    bool recordWire = true;
    std::size_t segmentsOnWire = 0;

private:
    void carry(Packet&& packet, bool fromClient);

    Time delay_;
    std::int64_t bitsPerSecond_;
    Time clientBusyUntil_;
    Time serverBusyUntil_;
};

// The bytes of a test stream: position-dependent so reordering or duplication shows.
std::vector<std::uint8_t> patternBytes(std::size_t size);

// A server on port 25 that collects everything, closes when the peer closes,
// and a client that sends `size` bytes (refilling on onSendSpace) then shuts down.
struct TransferResult {
    std::vector<std::uint8_t> received;
    bool serverSawPeerClose = false;
    Time serverSawPeerCloseAt = Time::max();
    bool clientClosed = false;
    bool serverClosed = false;
    int clientErrors = 0;
    int serverErrors = 0;
    std::shared_ptr<TcpConnection> clientConnection;
    std::shared_ptr<TcpConnection> serverConnection;
};
// `result` must outlive the network's simulator run.
void runTransfer(TestNetwork& network, std::size_t size, TransferResult& result, Time runFor = 600_s);

}  // namespace netstage::tcp::testing
