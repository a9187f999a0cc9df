#pragma once
// Authoritative DNS server engine (sans-IO): query bytes in, response bytes
// and an event describing the exchange out. It keeps no per-query state.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "protocols/dns/message.hpp"
#include "protocols/dns/zone.hpp"

namespace netstage::dns {

struct QueryAnswered {
    std::uint16_t id = 0;
    std::string name;  // empty when the question could not be read
    RecordType type = RecordType::A;
    Rcode rcode = Rcode::NoError;
    std::vector<ResourceRecord> answers;
    std::vector<ResourceRecord> additionals;
    bool truncated = false;
};

// The peer sent something that is not a well-formed query. If `answered` is
// set a FORMERR/NOTIMP response went back; otherwise the datagram was dropped
// (header unreadable, or it was itself a response).
struct ProtocolError {
    std::string reason;
    bool answered = false;
};

using ServerEvent = std::variant<QueryAnswered, ProtocolError>;

struct ServerReply {
    std::vector<std::uint8_t> bytes;  // empty: send nothing
    std::vector<ServerEvent> events;
};

struct ServerConfig {
    // RFC 1035 §4.2.1: a UDP response over 512 octets is truncated and TC set.
    // A TCP transport passes 65535 (§4.2.2).
    std::size_t maxResponseSize = 512;
};

class ServerEngine {
public:
    explicit ServerEngine(Zone zone, ServerConfig config = {});

    ServerReply answer(std::span<const std::uint8_t> query) const;

    const Zone& zone() const { return zone_; }
    Zone& zone() { return zone_; }

private:
    Zone zone_;
    ServerConfig config_;
};

}  // namespace netstage::dns
