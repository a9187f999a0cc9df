#pragma once
// What a trace is made of. Two kinds of record:
//  - PacketEvent: a packet sent, received, forwarded or dropped at a node. It
//    refers to the live Packet; a sink that keeps it must copy what it needs.
//  - Event: everything else (a TCP state change, an SMTP command, a mailbox
//    change, a narration caption), as layer + type + ordered fields.
// Records arrive at sinks in simulation order; same scenario and seed, same
// sequence of records.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "simulator/core/time.hpp"
#include "simulator/packet/packet.hpp"

namespace netstage::trace {

enum class PacketAction : std::uint8_t {
    Sent,       // handed to a link by its source host (after queueing, when transmission starts)
    Enqueued,   // waiting in a link's drop-tail queue
    Received,   // delivered to the destination host's transport layer
    Forwarded,  // a router passed it on (TTL already decremented)
    Dropped,    // lost: see PacketEvent::reason
};
std::string_view toString(PacketAction action);

struct PacketEvent {
    Time time;
    std::uint32_t node = 0;      // NodeId of the node where it happened
    std::string_view nodeName;
    std::int32_t link = -1;      // LinkId, or -1 when no link is involved
    PacketAction action = PacketAction::Sent;
    // For Dropped, why: on a link "loss", "queue-full", "link-down"; at a node
    // "no-route", "not-a-router", "ttl-expired", "port-unreachable" (UDP, no
    // socket), "protocol-unreachable". A TCP segment for a port nobody
    // listens on is received, and answered by a tcp/reset event and a RST.
    std::string_view reason;
    const Packet& packet;
};

using FieldValue = std::variant<std::int64_t, std::string>;
using Fields = std::vector<std::pair<std::string, FieldValue>>;

struct Event {
    Time time;
    std::string node;   // host name; empty for world-level events (narration, link faults)
    std::string layer;  // "topology", "link", "tcp", "udp", "smtp", "pop3", "imap", "ftp", "dns", "mail", "narration", ...
    std::string type;   // layer-specific: "state", "command", "reply", "stored", "caption", ...
    Fields fields;      // ordered; order is part of the trace format

    // Reading a field by name. Readers take traces from newer producers and
    // hand-written files, so a missing field is an empty value, never an
    // exception. One rule for numbers, both ways: a field is read as the type
    // asked for when its value is exactly that value written the other way.
    // text() gives an integer in decimal ("25"); integer() takes a string that
    // is a decimal int64 and nothing else ("25", "-3"; not "+25", " 25",
    // "25 s", "0x19"), so text(integer(x)) == x.
    const FieldValue* field(std::string_view name) const;
    std::string text(std::string_view name) const;
    std::optional<std::int64_t> integer(std::string_view name) const;
    bool is(std::string_view eventLayer, std::string_view eventType) const {
        return layer == eventLayer && type == eventType;
    }
};

struct TraceHeader {
    std::string scenario;  // scenario name or path, "demo" for the built-in demo
    std::uint64_t seed = 0;
};

// Field-by-field equality, for replay and round-trip checks.
bool operator==(const Event& a, const Event& b);
bool operator==(const TraceHeader& a, const TraceHeader& b);

}  // namespace netstage::trace
