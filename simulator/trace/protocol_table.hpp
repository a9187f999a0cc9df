#pragma once
// Which application protocol a port or a trace layer stands for. One table
// for every reader: the sequence chart, the transcript, the event list's
// protocol column and filter, and the packet animation's colours.

#include <cstdint>
#include <span>
#include <string_view>

namespace netstage::trace {

struct ProtocolInfo {
    std::string_view name;  // the trace layer that carries it: "smtp", "pop3", "imap", "ftp", "dns"
    // Its server applications write open/line/close conversations
    // (docs/trace-events.md), which the transcript prints; DNS writes
    // query/answer events instead.
    bool dialogue = false;
};

struct WellKnownPort {
    std::uint16_t port = 0;
    std::string_view protocol;
    // As an `open` event's `role` names the connection: "session", or for
    // FTP "control" (21) and "data" (20, the server's end of an active-mode
    // data connection, IANA's ftp-data).
    std::string_view role;
};

std::span<const ProtocolInfo> protocols();
std::span<const WellKnownPort> wellKnownPorts();

// nullptr when the layer is no application protocol ("tcp", "mail", ...).
const ProtocolInfo* protocolOfLayer(std::string_view layer);
bool hasDialogue(std::string_view layer);

// nullptr for a port no application protocol owns (an ephemeral port, a
// passive-mode FTP data port).
const WellKnownPort* wellKnownPort(std::uint16_t port);
// "smtp" for 25, "ftp" for 20 and 21, ...; empty for none.
std::string_view protocolOfPort(std::uint16_t port);
// The well-known end names the protocol, the other end being ephemeral:
// the first end's protocol, else the second's, else empty.
std::string_view protocolOfPorts(std::uint16_t a, std::uint16_t b);

}  // namespace netstage::trace
