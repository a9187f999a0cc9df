// SendQueue: what TCP's bounded send buffer does not take waits, in order,
// and goes out as the window opens; shared pieces are sent, not copied.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "simulator/apps/send_queue.hpp"
#include "tests/tcp/tcp_test_network.hpp"

namespace netstage::apps {
namespace {

using namespace netstage::time_literals;
using tcp::testing::serverAddress;
using tcp::testing::TestNetwork;

tcp::TcpConfig smallSendBuffer() {
    tcp::TcpConfig config;
    config.sendBuffer = 4096;
    return config;
}

struct Receiver {
    std::shared_ptr<tcp::TcpConnection> connection;
    std::string received;
    bool peerClosed = false;
};

void listen(TestNetwork& network, Receiver& receiver) {
    network.server->listen(25, [&receiver](std::shared_ptr<tcp::TcpConnection> c) {
        receiver.connection = c;
        c->setCallbacks({.onData = [&receiver](std::span<const std::uint8_t> bytes) {
                             receiver.received.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
                         },
                         .onPeerClosed = [&receiver] { receiver.peerClosed = true; }});
    });
}

std::string numbered(std::size_t octets, char tag) {
    std::string text;
    for (std::size_t i = 0; text.size() < octets; ++i) text += tag + std::to_string(i) + "\n";
    text.resize(octets);
    return text;
}

TEST(SendQueue, writesFarMoreThanTheSendBufferInOrderAsTheWindowOpens) {
    TestNetwork network{smallSendBuffer()};
    Receiver receiver;
    listen(network, receiver);
    SendQueue queue;
    auto connection = network.client->connect({serverAddress, 25});
    bool closed = false;
    connection->setCallbacks({.onSendSpace = [&] {
        if (queue.flush(*connection) && !closed) {
            closed = true;
            connection->close();
        }
    }});
    const std::string first = numbered(100'000, 'a');
    const auto second = std::make_shared<const std::string>(numbered(50'000, 'b'));
    queue.write(*connection, first);
    queue.write(*connection, second, 10);
    queue.write(*connection, std::string{"end\n"});
    EXPECT_GT(queue.size(), 100'000u) << "only one send buffer's worth was taken";
    EXPECT_EQ(second.use_count(), 2) << "the queue shares the string";
    network.simulator.runUntil(60_s);

    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(queue.size(), 0u);
    EXPECT_EQ(second.use_count(), 1) << "a sent piece is let go";
    EXPECT_TRUE(receiver.received == first + second->substr(10) + "end\n");
    EXPECT_TRUE(receiver.peerClosed);
}

TEST(SendQueue, aShortWriteOnAnIdleConnectionLeavesNothingWaiting) {
    TestNetwork network;
    Receiver receiver;
    listen(network, receiver);
    SendQueue queue;
    auto connection = network.client->connect({serverAddress, 25});
    queue.write(*connection, std::string{"HELO crepes.fr\r\n"});
    EXPECT_TRUE(queue.empty());
    network.simulator.runUntil(1_s);
    EXPECT_EQ(receiver.received, "HELO crepes.fr\r\n");
}

TEST(SendQueue, clearForgetsWhatWaits) {
    TestNetwork network{smallSendBuffer()};
    SendQueue queue;
    auto connection = network.client->connect({serverAddress, 25});
    queue.write(*connection, std::string(10'000, 'x'));
    EXPECT_EQ(queue.size(), 10'000u - 4096u);
    queue.clear();
    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(queue.size(), 0u);
}

}  // namespace
}  // namespace netstage::apps
