#pragma once
// How the trace names a connection: "10.0.1.2:49152-10.0.2.10:25", two
// endpoints joined by '-'. This is the one place that text is written and
// read.
//
// Two writers use it in two orders, and the key knows which is which:
//  - applications' events (open/line/close, FTP transfers and file changes),
//    the sequence chart and the transcript name the client end first;
//  - TCP's own events (tcp/state, tcp/retransmit, tcp/reset, firewall/refused)
//    name the writing host's end first, as netstat lists a host's
//    connections, so a host's panel reads ":49152 → 10.0.2.10:25" from it.
// A ConnectionKey always holds the client and the server; which end goes
// first is chosen when it is printed or parsed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "simulator/packet/ipv4_address.hpp"

namespace netstage::trace {

// The end that opened the connection, or the end that accepted it.
enum class ConnectionSide : std::uint8_t { Client, Server };
ConnectionSide otherSide(ConnectionSide side);

struct ConnectionKey {
    Endpoint client;
    Endpoint server;

    // The connection as the host at one of its ends knows it.
    static ConnectionKey seenFrom(ConnectionSide self, Endpoint local, Endpoint remote);
    Endpoint end(ConnectionSide side) const { return side == ConnectionSide::Client ? client : server; }

    // Client end first: "10.0.1.2:49152-10.0.2.10:25".
    std::string toString() const { return toString(ConnectionSide::Client); }
    // The given end first (TCP's events: the writing host's end).
    std::string toString(ConnectionSide first) const;
    // The text as `toString(first)` writes it; nothing else (no spaces, no
    // missing port, ports 0..65535, dotted-quad addresses).
    static std::optional<ConnectionKey> parse(std::string_view text, ConnectionSide first = ConnectionSide::Client);

    // The same two ends, whichever way round: a packet from a to b or b to a.
    bool joins(Endpoint a, Endpoint b) const { return (a == client && b == server) || (a == server && b == client); }

    auto operator<=>(const ConnectionKey&) const = default;
};

// The two ends in the order the text names them, for a reader that knows what
// that order means (a host's own end first in TCP's events) but not which end
// is the client.
std::optional<std::pair<Endpoint, Endpoint>> parseConnectionEnds(std::string_view text);
std::optional<Endpoint> parseEndpoint(std::string_view text);  // "10.0.1.2:49152"

}  // namespace netstage::trace
