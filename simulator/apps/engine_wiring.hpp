#pragma once
// What every application does to put a sans-IO engine on a simulated TCP
// connection, written once: bytes arrive as text, the engine gets them with
// the simulated time, and a peer's FIN becomes receiveEof() and our close.

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/mail_clock.hpp"
#include "simulator/tcp/tcp_connection.hpp"

namespace netstage::apps {

inline std::string_view asText(std::span<const std::uint8_t> bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// "10.0.1.2:49152-10.0.2.10:25": client end first, as trace events name connections.
inline std::string clientFirstName(const tcp::TcpConnection& accepted) {
    return accepted.remote().toString() + "-" + accepted.local().toString();
}

// Callbacks for an accepted connection whose engine takes receive(bytes, now)
// and receiveEof(). `pump` drains the engine after each input; `onClosed` runs
// when TCP is done with the connection (the owner releases itself there).
template <typename Session>
tcp::TcpCallbacks serverSessionCallbacks(Session& session, HostStack& host, tcp::TcpConnection& connection,
                                         std::function<void()> pump, std::function<void()> onClosed) {
    tcp::TcpCallbacks callbacks;
    callbacks.onData = [&session, &host, pump](std::span<const std::uint8_t> bytes) {
        session.receive(asText(bytes), engineTime(host.simulator().now()));
        pump();
    };
    callbacks.onPeerClosed = [&session, &connection, pump] {
        session.receiveEof();
        pump();
        connection.close();
    };
    callbacks.onClosed = std::move(onClosed);
    return callbacks;
}

}  // namespace netstage::apps
