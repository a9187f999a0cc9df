#pragma once
// Small pieces every application needs to put a sans-IO engine on a simulated
// TCP connection: bytes as text, and connection names as trace events write
// them. The connections themselves are ClientConnection and ServerConnection.

#include <span>
#include <string>
#include <string_view>

#include "simulator/tcp/tcp_connection.hpp"
#include "simulator/trace/connection_key.hpp"

namespace netstage::apps {

inline std::string_view asText(std::span<const std::uint8_t> bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// "10.0.1.2:49152-10.0.2.10:25": client end first, as trace events name connections.
inline std::string clientFirstName(const tcp::TcpConnection& accepted) {
    return trace::ConnectionKey::seenFrom(trace::ConnectionSide::Server, accepted.local(), accepted.remote()).toString();
}

}  // namespace netstage::apps
