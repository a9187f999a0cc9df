// ABOR during a RETR, end to end on simulated TCP: a client speaking FTP on
// its own sockets asks for a large file and aborts once part of it arrived.
// The server must stop sending and close the data connection (RFC 959
// §4.1.3), not deliver the rest of the file after its 426/226.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "protocols/ftp/address.hpp"
#include "simulator/apps/engine_wiring.hpp"
#include "tests/scenario/ftp_test_support.hpp"

using namespace netstage;
using namespace netstage::ftp_test;

namespace {

constexpr std::uint64_t kFileSize = 20'000'000;

const std::string kScenario = R"(
title: ftp abort
hosts:
  - {name: pc, address: 10.0.1.2}
  - {name: srv, role: ftp-server, address: 10.0.2.21}
links:
  - {between: [pc, srv], rate: 10Mbps, delay: 5ms}
ftp_servers:
  - host: srv
    users:
      - name: u
        password: p
        files:
          - {path: big.bin, binary: all-byte-values, size: 20000000}
)";

// The client side, by hand: login, PASV, RETR, and ABOR after `abortAfter` octets.
struct AbortingClient {
    apps::HostStack& host;
    std::uint64_t abortAfter;
    std::shared_ptr<tcp::TcpConnection> control;
    std::shared_ptr<tcp::TcpConnection> data;
    std::string replies;
    std::uint64_t received = 0;
    bool aborSent = false;
    bool dataClosedByServer = false;
    std::uint64_t receivedWhenAborted = 0;

    void start(Endpoint server) {
        tcp::TcpCallbacks callbacks;
        callbacks.onConnected = [this] { control->send("USER u\r\nPASS p\r\nTYPE I\r\nPASV\r\n"); };
        callbacks.onData = [this, server](std::span<const std::uint8_t> bytes) {
            replies += apps::asText(bytes);
            const auto at = replies.find("227 ");
            if (data || at == std::string::npos) return;
            const auto end = replies.find("\r\n", at);
            if (end == std::string::npos) return;
            const auto target = ftp::parse227(std::string_view{replies}.substr(at + 4, end - at - 4));
            ASSERT_TRUE(target.has_value());
            openData(Endpoint{server.address, target->port});
        };
        callbacks.onPeerClosed = [this] { control->close(); };
        control = host.tcp().connect(server, std::move(callbacks));
    }

    void openData(Endpoint target) {
        tcp::TcpCallbacks callbacks;
        callbacks.onConnected = [this] { control->send("RETR big.bin\r\n"); };
        callbacks.onData = [this](std::span<const std::uint8_t> bytes) {
            received += bytes.size();
            if (aborSent || received < abortAfter) return;
            aborSent = true;
            receivedWhenAborted = received;
            control->send("ABOR\r\nQUIT\r\n");
        };
        callbacks.onPeerClosed = [this] {
            dataClosedByServer = true;
            data->close();
        };
        data = host.tcp().connect(target, std::move(callbacks));
    }
};

}  // namespace

TEST(FtpAbort, aborMidRetrStopsTheTransferAndClosesTheDataConnection) {
    const scenario::ScenarioSpec spec = scenario::loadScenarioText(kScenario, "abort.yaml");
    trace::Tracer tracer;
    EventLog log;
    tracer.addSink(log);
    scenario::World world{spec, tracer};
    AbortingClient client{*world.hostStack("pc"), 200'000, {}, {}, {}};
    world.simulator().scheduleAt(Time::fromSeconds(1),
                                 [&client] { client.start(Endpoint{Ipv4Address{10, 0, 2, 21}, 21}); });
    world.run();

    ASSERT_TRUE(client.aborSent) << client.replies;
    EXPECT_TRUE(client.dataClosedByServer) << "the server closed the data connection";
    EXPECT_LT(client.received, kFileSize / 10) << "the rest of the file did not follow the abort";
    // What was already in flight or in the server's TCP send buffer may still arrive, no more.
    EXPECT_LT(client.received - client.receivedWhenAborted, 600'000u);
    const auto aborted = client.replies.find("426 ");
    ASSERT_NE(aborted, std::string::npos) << client.replies;
    const auto abortDone = client.replies.find("226 Abort successful", aborted);
    EXPECT_NE(abortDone, std::string::npos) << "426 for the transfer, then 226 for the ABOR:\n" << client.replies;
    EXPECT_EQ(client.replies.find("226 Transfer complete"), std::string::npos);
    EXPECT_NE(client.replies.find("221 "), std::string::npos) << "the session goes on after the abort";
    EXPECT_TRUE(log.of("ftp", "transfer-end").empty());
}
