// Opening, exchanging data, closing and resetting connections between two stacks.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "simulator/tcp/tcp_state.hpp"
#include "tcp_test_network.hpp"

namespace netstage::tcp {
namespace {

using namespace netstage::time_literals;
using testing::clientAddress;
using testing::serverAddress;
using testing::TestNetwork;

std::string text(std::span<const std::uint8_t> bytes) { return {bytes.begin(), bytes.end()}; }

// Every state change traced by a stack must be in the transition table.
void expectOnlyTableTransitions(const testing::RecordingSink& sink) {
    for (const auto* event : sink.ofType("state")) {
        const auto from = testing::fieldString(*event, "from");
        const auto to = testing::fieldString(*event, "to");
        bool found = false;
        for (const auto& t : kTcpTransitions) found = found || (toString(t.from) == from && toString(t.to) == to);
        EXPECT_TRUE(found) << from << " -> " << to;
    }
}

TEST(TcpConnection, completesTheThreeWayHandshake) {
    TestNetwork network;
    std::shared_ptr<TcpConnection> accepted;
    ASSERT_TRUE(network.server->listen(25, [&](std::shared_ptr<TcpConnection> c) { accepted = c; }));
    Time connectedAt = Time::max();
    auto connection = network.client->connect({serverAddress, 25}, {.onConnected = [&] {
                                                                         connectedAt = network.simulator.now();
                                                                     }});
    EXPECT_EQ(connection->state(), TcpState::SynSent);
    network.simulator.runUntil(1_s);

    EXPECT_EQ(connectedAt, 20_ms);
    ASSERT_TRUE(accepted);
    EXPECT_EQ(connection->state(), TcpState::Established);
    EXPECT_EQ(accepted->state(), TcpState::Established);
    EXPECT_EQ(accepted->remote(), connection->local());
    EXPECT_EQ(accepted->local(), (Endpoint{serverAddress, 25}));
    ASSERT_EQ(network.wire.size(), 3u);
    EXPECT_EQ(network.wire[0].header.flags, tcp_flags::syn);
    EXPECT_EQ(network.wire[0].header.mss, std::optional<std::uint16_t>{1460});
    EXPECT_EQ(network.wire[1].header.flags, tcp_flags::syn | tcp_flags::ack);
    EXPECT_EQ(network.wire[1].header.acknowledgement, network.wire[0].header.sequence + 1);
    EXPECT_EQ(network.wire[2].header.flags, tcp_flags::ack);
    EXPECT_EQ(network.wire[2].header.acknowledgement, network.wire[1].header.sequence + 1);
    EXPECT_EQ(network.sink.transitions("client"),
              (std::vector<std::string>{"CLOSED>SYN-SENT", "SYN-SENT>ESTABLISHED"}));
    EXPECT_EQ(network.sink.transitions("server"),
              (std::vector<std::string>{"CLOSED>LISTEN", "LISTEN>SYN-RECEIVED", "SYN-RECEIVED>ESTABLISHED"}));
    const auto states = network.sink.ofType("state");
    EXPECT_EQ(testing::fieldString(*states[0], "connection"), "10.0.2.10:25-0.0.0.0:0");  // the listener
    EXPECT_EQ(testing::fieldString(*states[1], "connection"), "10.0.1.2:49152-10.0.2.10:25");
    EXPECT_EQ(states[1]->layer, "tcp");
}

TEST(TcpConnection, outgoingPacketsCarryIpFieldsAndNoUid) {
    TestNetwork network;
    std::vector<Packet> seen;
    network.hook = [&](const Packet& p, std::size_t) {
        seen.push_back(p);
        return testing::WireDecision{};
    };
    network.server->listen(25, {});
    network.client->connect({serverAddress, 25});
    network.simulator.runUntil(1_s);
    ASSERT_GE(seen.size(), 2u);
    EXPECT_EQ(seen[0].uid, 0u);
    EXPECT_EQ(seen[0].ip.source, clientAddress);
    EXPECT_EQ(seen[0].ip.destination, serverAddress);
    EXPECT_EQ(seen[0].ip.protocol, IpProtocol::Tcp);
    EXPECT_EQ(seen[1].ip.source, serverAddress);
}

TEST(TcpConnection, carriesDataBothWays) {
    TestNetwork network;
    std::string atServer;
    std::string atClient;
    network.server->listen(25, [&](std::shared_ptr<TcpConnection> c) {
        TcpConnection* raw = c.get();
        c->setCallbacks({.onData = [&atServer, raw](std::span<const std::uint8_t> bytes) {
            atServer += text(bytes);
            raw->send("echo:" + text(bytes));
        }});
        c->send("220 hello\r\n");
    });
    auto connection = network.client->connect(
        {serverAddress, 25}, {.onData = [&](std::span<const std::uint8_t> bytes) { atClient += text(bytes); }});
    connection->send("HELO a\r\n");  // queued in SYN-SENT, sent once established
    network.simulator.runUntil(2_s);
    EXPECT_EQ(atServer, "HELO a\r\n");
    EXPECT_EQ(atClient, "220 hello\r\necho:HELO a\r\n");
    EXPECT_EQ(connection->stats().bytesReceived, atClient.size());
    EXPECT_EQ(connection->stats().bytesSent, 8u);
    EXPECT_EQ(connection->stats().retransmissions, 0u);
}

TEST(TcpConnection, closesInOrderFromBothSides) {
    TestNetwork network;
    std::shared_ptr<TcpConnection> accepted;
    int serverPeerClosed = 0;
    int clientClosed = 0;
    int serverClosed = 0;
    network.server->listen(25, [&](std::shared_ptr<TcpConnection> c) {
        accepted = c;
        c->setCallbacks({.onPeerClosed = [&] { serverPeerClosed++; }, .onClosed = [&] { serverClosed++; }});
    });
    auto connection = network.client->connect({serverAddress, 25}, {.onClosed = [&] { clientClosed++; }});
    network.simulator.runUntil(1_s);
    connection->shutdown();
    network.simulator.runUntil(2_s);
    EXPECT_EQ(serverPeerClosed, 1);
    EXPECT_EQ(connection->state(), TcpState::FinWait2);
    EXPECT_EQ(accepted->state(), TcpState::CloseWait);
    accepted->send("bye");  // half-closed: the server may still send
    accepted->close();
    network.simulator.runUntil(3_s);
    EXPECT_EQ(accepted->state(), TcpState::Closed);
    EXPECT_EQ(connection->state(), TcpState::TimeWait);
    network.simulator.run();
    EXPECT_EQ(connection->state(), TcpState::Closed);
    EXPECT_EQ(clientClosed, 1);
    EXPECT_EQ(serverClosed, 1);
    EXPECT_EQ(network.client->connectionCount(), 0u);
    EXPECT_EQ(network.server->connectionCount(), 0u);
    EXPECT_EQ(network.sink.transitions("client"),
              (std::vector<std::string>{"CLOSED>SYN-SENT", "SYN-SENT>ESTABLISHED", "ESTABLISHED>FIN-WAIT-1",
                                        "FIN-WAIT-1>FIN-WAIT-2", "FIN-WAIT-2>TIME-WAIT", "TIME-WAIT>CLOSED"}));
    EXPECT_EQ(network.sink.transitions("server"),
              (std::vector<std::string>{"CLOSED>LISTEN", "LISTEN>SYN-RECEIVED", "SYN-RECEIVED>ESTABLISHED",
                                        "ESTABLISHED>CLOSE-WAIT",
                                        "CLOSE-WAIT>LAST-ACK", "LAST-ACK>CLOSED"}));
    expectOnlyTableTransitions(network.sink);
}

TEST(TcpConnection, simultaneousCloseGoesThroughClosing) {
    TestNetwork network;
    std::shared_ptr<TcpConnection> accepted;
    network.server->listen(25, [&](std::shared_ptr<TcpConnection> c) { accepted = c; });
    auto connection = network.client->connect({serverAddress, 25});
    network.simulator.runUntil(1_s);
    ASSERT_TRUE(accepted);
    connection->close();
    accepted->close();  // both FINs cross on the wire
    network.simulator.runUntil(2_s);
    EXPECT_EQ(connection->state(), TcpState::TimeWait);
    EXPECT_EQ(accepted->state(), TcpState::TimeWait);
    for (const std::string node : {"client", "server"}) {
        const auto transitions = network.sink.transitions(node);
        ASSERT_GE(transitions.size(), 3u);
        EXPECT_EQ(std::vector<std::string>(transitions.end() - 3, transitions.end()),
                  (std::vector<std::string>{"ESTABLISHED>FIN-WAIT-1", "FIN-WAIT-1>CLOSING", "CLOSING>TIME-WAIT"}))
            << node;
    }
    network.simulator.run();
    EXPECT_EQ(network.client->connectionCount(), 0u);
    EXPECT_EQ(network.server->connectionCount(), 0u);
    expectOnlyTableTransitions(network.sink);
}

TEST(TcpConnection, simultaneousOpenConnectsBothSides) {
    // Two active opens whose SYNs cross: SYN-SENT -> SYN-RECEIVED -> ESTABLISHED.
    TestNetwork network;
    int connected = 0;
    auto a = network.client->connect({serverAddress, 49152}, {.onConnected = [&] { connected++; }});
    auto b = network.server->connect({clientAddress, 49152}, {.onConnected = [&] { connected++; }});
    network.simulator.runUntil(5_s);
    EXPECT_EQ(a->state(), TcpState::Established);
    EXPECT_EQ(b->state(), TcpState::Established);
    EXPECT_EQ(connected, 2);
    const auto transitions = network.sink.transitions("client");
    EXPECT_NE(std::find(transitions.begin(), transitions.end(), "SYN-SENT>SYN-RECEIVED"), transitions.end());
    expectOnlyTableTransitions(network.sink);
}

TEST(TcpConnection, synToAClosedPortIsRefused) {
    TestNetwork network;
    std::vector<TcpError> errors;
    int closed = 0;
    auto connection = network.client->connect(
        {serverAddress, 80}, {.onClosed = [&] { closed++; }, .onError = [&](TcpError e) { errors.push_back(e); }});
    network.simulator.runUntil(1_s);
    EXPECT_EQ(errors, std::vector<TcpError>{TcpError::Refused});
    EXPECT_EQ(closed, 1);
    EXPECT_EQ(connection->state(), TcpState::Closed);
    EXPECT_EQ(network.client->connectionCount(), 0u);
    ASSERT_EQ(network.wire.size(), 2u);
    const auto& reset = network.wire[1].header;
    EXPECT_EQ(reset.flags, tcp_flags::rst | tcp_flags::ack);
    EXPECT_EQ(reset.sequence, 0u);
    EXPECT_EQ(reset.acknowledgement, network.wire[0].header.sequence + 1);
    EXPECT_EQ(network.server->totals().resetsSent, 1u);
}

TEST(TcpConnection, straySegmentToAClosedPortGetsResetAtItsAck) {
    TestNetwork network;
    Packet stray;
    stray.ip.source = clientAddress;
    stray.ip.destination = serverAddress;
    TcpHeader header;
    header.sourcePort = 40000;
    header.destinationPort = 25;
    header.sequence = 1000;
    header.acknowledgement = 777;
    header.flags = tcp_flags::ack;
    stray.transport = header;
    stray.payload = {1, 2, 3};
    network.server->receive(stray);
    ASSERT_EQ(network.wire.size(), 1u);
    EXPECT_EQ(network.wire[0].header.flags, tcp_flags::rst);
    EXPECT_EQ(network.wire[0].header.sequence, 777u);
    header.flags = tcp_flags::rst;
    stray.transport = header;
    network.server->receive(stray);  // never answer a RST
    EXPECT_EQ(network.wire.size(), 1u);
}

TEST(TcpConnection, resetOfAnOpenConnectionReportsReset) {
    TestNetwork network;
    std::shared_ptr<TcpConnection> accepted;
    std::vector<TcpError> errors;
    network.server->listen(25, [&](std::shared_ptr<TcpConnection> c) { accepted = c; });
    auto connection =
        network.client->connect({serverAddress, 25}, {.onError = [&](TcpError e) { errors.push_back(e); }});
    network.simulator.runUntil(1_s);
    ASSERT_TRUE(accepted);
    accepted->abort();
    EXPECT_EQ(accepted->state(), TcpState::Closed);
    network.simulator.runUntil(2_s);
    EXPECT_EQ(errors, std::vector<TcpError>{TcpError::Reset});
    EXPECT_EQ(connection->state(), TcpState::Closed);
    EXPECT_EQ(network.client->connectionCount(), 0u);
    EXPECT_EQ(network.server->connectionCount(), 0u);
}

TEST(TcpConnection, resetWithAWrongSequenceNumberOnlyDrawsAChallengeAck) {
    TestNetwork network;
    network.server->listen(25, {});
    auto connection = network.client->connect({serverAddress, 25});
    network.simulator.runUntil(1_s);
    const auto& synAck = network.wire[1].header;
    Packet blind;
    blind.ip.source = serverAddress;
    blind.ip.destination = clientAddress;
    TcpHeader header;
    header.sourcePort = 25;
    header.destinationPort = connection->local().port;
    header.sequence = synAck.sequence + 1 + 100;  // in the window, but not RCV.NXT
    header.flags = tcp_flags::rst;
    blind.transport = header;
    const auto before = network.wire.size();
    network.client->receive(blind);
    EXPECT_EQ(connection->state(), TcpState::Established);
    ASSERT_EQ(network.wire.size(), before + 1);
    EXPECT_EQ(network.wire.back().header.flags, tcp_flags::ack);
}

TEST(TcpConnection, applicationMayAbortOrCloseFromInsideItsCallbacks) {
    for (const bool abortIt : {true, false}) {
        TestNetwork network;
        int calls = 0;
        network.server->listen(25, [&](std::shared_ptr<TcpConnection> c) {
            TcpConnection* raw = c.get();
            c->setCallbacks({.onData = [&calls, raw, abortIt](std::span<const std::uint8_t>) {
                calls++;
                if (abortIt) {
                    raw->abort();
                } else {
                    raw->close();
                }
            }});
        });
        auto connection = network.client->connect({serverAddress, 25});
        connection->send(std::string(10'000, 'z'));
        connection->shutdown();
        EXPECT_NO_THROW(network.simulator.run());
        EXPECT_EQ(calls, 1) << abortIt;
        EXPECT_EQ(connection->state(), TcpState::Closed);
        EXPECT_EQ(network.server->connectionCount(), 0u);
        EXPECT_EQ(network.client->connectionCount(), 0u);
    }
}

TEST(TcpConnection, timeWaitLastsExactlyTwoMsl) {
    TcpConfig config;
    config.msl = 7_s;
    TestNetwork network{config, config};
    std::shared_ptr<TcpConnection> accepted;
    network.server->listen(25, [&](std::shared_ptr<TcpConnection> c) {
        accepted = c;
        TcpConnection* raw = c.get();
        c->setCallbacks({.onPeerClosed = [raw] { raw->close(); }});
    });
    auto connection = network.client->connect({serverAddress, 25});
    network.simulator.runUntil(1_s);
    connection->close();
    network.simulator.run();
    const Time entered = network.sink.timeEntered("client", "TIME-WAIT");
    const Time left = network.sink.timeEntered("client", "CLOSED");
    ASSERT_NE(entered, Time::max());
    EXPECT_EQ(left - entered, 14_s);
    EXPECT_EQ(connection->state(), TcpState::Closed);
}

TEST(TcpStack, allocatesEphemeralPortsUpwardSkippingPortsInUse) {
    TestNetwork network;
    network.server->listen(25, {});
    ASSERT_TRUE(network.client->listen(49153, {}));
    EXPECT_FALSE(network.client->listen(49153, {}));
    auto a = network.client->connect({serverAddress, 25});
    auto b = network.client->connect({serverAddress, 25});
    auto c = network.client->connect({serverAddress, 26});
    EXPECT_EQ(a->local().port, 49152);
    EXPECT_EQ(b->local().port, 49154);
    EXPECT_EQ(c->local().port, 49155);
    EXPECT_EQ(a->local().address, clientAddress);
    EXPECT_EQ(network.client->connectionCount(), 3u);
    EXPECT_EQ(network.client->find(a->local(), a->remote()), a);
}

TEST(TcpStack, drawsInitialSequenceNumbersFromItsStream) {
    TestNetwork first;
    TestNetwork second;
    first.client->connect({serverAddress, 25});
    second.client->connect({serverAddress, 25});
    first.client->connect({serverAddress, 25});
    second.client->connect({serverAddress, 25});
    ASSERT_EQ(first.wire.size(), 2u);
    EXPECT_EQ(first.wire[0].header.sequence, second.wire[0].header.sequence);  // same seed, same ISN
    EXPECT_NE(first.wire[0].header.sequence, first.wire[1].header.sequence);
}

TEST(TcpStack, servesAThousandConnectionsOnOneListener) {
    TestNetwork network;
    std::vector<std::shared_ptr<TcpConnection>> accepted;
    std::map<std::uint16_t, std::string> receivedByPort;
    network.server->listen(25, [&](std::shared_ptr<TcpConnection> c) {
        const std::uint16_t port = c->remote().port;
        c->setCallbacks({.onData = [&receivedByPort, port](std::span<const std::uint8_t> bytes) {
            receivedByPort[port] += text(bytes);
        }});
        accepted.push_back(c);
    });
    std::vector<std::shared_ptr<TcpConnection>> clients;
    for (int i = 0; i < 1000; ++i) {
        clients.push_back(network.client->connect({serverAddress, 25}));
        clients.back()->send("from " + std::to_string(clients.back()->local().port));
    }
    network.simulator.runUntil(5_s);
    EXPECT_EQ(accepted.size(), 1000u);
    EXPECT_EQ(network.server->connectionCount(), 1000u);
    ASSERT_EQ(receivedByPort.size(), 1000u);
    for (const auto& [port, received] : receivedByPort) EXPECT_EQ(received, "from " + std::to_string(port));
    for (const auto& c : clients) {
        EXPECT_EQ(network.server->find({serverAddress, 25}, c->local())->remote(), c->local());
    }
    EXPECT_EQ(network.client->totals().activeOpens, 1000u);
    EXPECT_EQ(network.server->totals().passiveOpens, 1000u);
    EXPECT_EQ(network.client->totals().retransmissions, 0u);
}

TEST(TcpStack, stopListeningRefusesNewConnections) {
    TestNetwork network;
    network.server->listen(25, {});
    network.server->stopListening(25);
    EXPECT_EQ(network.sink.transitions("server"), (std::vector<std::string>{"CLOSED>LISTEN", "LISTEN>CLOSED"}));
    std::vector<TcpError> errors;
    network.client->connect({serverAddress, 25}, {.onError = [&](TcpError e) { errors.push_back(e); }});
    network.simulator.runUntil(1_s);
    EXPECT_EQ(errors, std::vector<TcpError>{TcpError::Refused});
}

TEST(TcpStack, countsSegmentsInItsTotals) {
    TestNetwork network;
    network.server->listen(25, {});
    auto connection = network.client->connect({serverAddress, 25});
    connection->send("abc");
    network.simulator.runUntil(1_s);
    const TcpStats client = network.client->totals();
    const TcpStats server = network.server->totals();
    EXPECT_EQ(client.segmentsSent + server.segmentsSent, network.wire.size());
    EXPECT_EQ(client.segmentsSent, server.segmentsReceived);
    EXPECT_EQ(client.bytesSent, 3u);
    EXPECT_EQ(server.bytesReceived, 3u);
    EXPECT_EQ(connection->stats().segmentsSent, client.segmentsSent);
}

TEST(TcpStack, leavesNoTraceTextWhenNobodyWantsEvents) {
    TestNetwork network{{}, {}, 10_ms, 0, /*traceEvents=*/false};
    network.server->listen(25, {});
    auto connection = network.client->connect({serverAddress, 25});
    network.simulator.runUntil(1_s);
    EXPECT_EQ(connection->state(), TcpState::Established);
    EXPECT_TRUE(network.sink.events.empty());
}

}  // namespace
}  // namespace netstage::tcp
