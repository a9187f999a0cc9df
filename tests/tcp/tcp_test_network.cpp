#include "tcp_test_network.hpp"

#include <algorithm>
#include <variant>

namespace netstage::tcp::testing {

std::vector<std::string> RecordingSink::transitions(const std::string& node) const {
    std::vector<std::string> out;
    for (const auto& event : events) {
        if (event.node == node && event.layer == "tcp" && event.type == "state") {
            out.push_back(fieldString(event, "from") + ">" + fieldString(event, "to"));
        }
    }
    return out;
}

Time RecordingSink::timeEntered(const std::string& node, const std::string& to) const {
    for (const auto& event : events) {
        if (event.node == node && event.type == "state" && fieldString(event, "to") == to) return event.time;
    }
    return Time::max();
}

std::vector<const trace::Event*> RecordingSink::ofType(const std::string& type) const {
    std::vector<const trace::Event*> out;
    for (const auto& event : events) {
        if (event.type == type) out.push_back(&event);
    }
    return out;
}

std::string fieldString(const trace::Event& event, const std::string& name) { return event.text(name); }

std::int64_t fieldInt(const trace::Event& event, const std::string& name) { return event.integer(name).value_or(-1); }

TestNetwork::TestNetwork(TcpConfig clientConfig, TcpConfig serverConfig, Time delay, std::int64_t bitsPerSecond,
                         bool traceEvents)
    : delay_{delay}, bitsPerSecond_{bitsPerSecond} {
    if (traceEvents) tracer.addSink(sink);
    const RandomStreams streams{42};
    client = std::make_unique<TcpStack>(
        simulator, tracer, streams.stream("isn/client"), 1, "client", clientAddress,
        [this](Packet&& packet) { carry(std::move(packet), true); }, clientConfig);
    server = std::make_unique<TcpStack>(
        simulator, tracer, streams.stream("isn/server"), 2, "server", serverAddress,
        [this](Packet&& packet) { carry(std::move(packet), false); }, serverConfig);
}

void TestNetwork::carry(Packet&& packet, bool fromClient) {
    const std::size_t index = segmentsOnWire++;
    const WireDecision decision = hook ? hook(packet, index) : WireDecision{};
    if (recordWire) {
        wire.push_back({simulator.now(), fromClient, *packet.tcp(), packet.payload.size(), decision.fate});
    }
    Time& busyUntil = fromClient ? clientBusyUntil_ : serverBusyUntil_;
    Time departure = simulator.now();
    if (bitsPerSecond_ > 0) {
        departure = std::max(departure, busyUntil) +
                    transmissionTime(static_cast<std::int64_t>(packet.wireSize()), bitsPerSecond_);
        busyUntil = departure;
    }
    if (decision.fate == Fate::Drop) return;
    TcpStack* destination = fromClient ? server.get() : client.get();
    Time arrival = departure + delay_;
    if (decision.fate == Fate::Delay) arrival += decision.extraDelay;
    if (decision.fate == Fate::Duplicate) {
        simulator.scheduleAt(arrival + 1_ms, [destination, copy = packet] { destination->receive(copy); });
    }
    simulator.scheduleAt(arrival, [destination, moved = std::move(packet)] { destination->receive(moved); });
}

std::vector<std::uint8_t> patternBytes(std::size_t size) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<std::uint8_t>((i * 7) ^ (i >> 8) ^ (i >> 16));
    return bytes;
}

void runTransfer(TestNetwork& network, std::size_t size, TransferResult& result, Time runFor) {
    const auto data = std::make_shared<std::vector<std::uint8_t>>(patternBytes(size));
    Simulator& simulator = network.simulator;
    network.server->listen(25, [&result, &simulator](std::shared_ptr<TcpConnection> connection) {
        result.serverConnection = connection;
        TcpConnection* raw = connection.get();
        connection->setCallbacks({
            .onConnected = {},
            .onData = [&result](std::span<const std::uint8_t> bytes) {
                result.received.insert(result.received.end(), bytes.begin(), bytes.end());
            },
            .onSendSpace = {},
            .onPeerClosed = [&result, raw, &simulator] {
                result.serverSawPeerClose = true;
                result.serverSawPeerCloseAt = simulator.now();
                raw->close();
            },
            .onClosed = [&result] { result.serverClosed = true; },
            .onError = [&result](TcpError) { result.serverErrors++; },
        });
    });
    auto sent = std::make_shared<std::size_t>(0);
    std::weak_ptr<TcpConnection> weak;
    auto pump = std::make_shared<std::function<void()>>();
    result.clientConnection = network.client->connect(
        {serverAddress, 25},
        {
            .onConnected = {},
            .onData = {},
            .onSendSpace = [pump] { (*pump)(); },
            .onPeerClosed = {},
            .onClosed = [&result] { result.clientClosed = true; },
            .onError = [&result](TcpError) { result.clientErrors++; },
        });
    TcpConnection* client = result.clientConnection.get();
    *pump = [client, data, sent] {
        while (*sent < data->size()) {
            const std::size_t n = client->send(std::span{*data}.subspan(*sent));
            if (n == 0) return;
            *sent += n;
        }
        client->shutdown();
    };
    (*pump)();
    network.simulator.runUntil(network.simulator.now() + runFor);
    // The lambdas above capture `pump` through the connection's callbacks;
    // break the cycle so the connection can be freed.
    client->setCallbacks({});
}

}  // namespace netstage::tcp::testing
