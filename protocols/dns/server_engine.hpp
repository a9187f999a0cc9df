#pragma once
// Authoritative DNS server engine (sans-IO), a proto::DatagramEngine: one
// query datagram in with receive(), the response datagram out with
// takeOutput() and events describing the exchange with nextEvent(). It keeps
// no per-query state: what takeOutput() holds after a receive() answers that
// query's sender.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "protocols/common/engine.hpp"
#include "protocols/common/fifo.hpp"
#include "protocols/dns/message.hpp"
#include "protocols/dns/need_data.hpp"
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

using ServerEvent = std::variant<NeedData, QueryAnswered, ProtocolError>;

struct ServerConfig {
    // RFC 1035 §4.2.1: a UDP response over 512 octets is truncated and TC set.
    // A TCP transport passes 65535 (§4.2.2).
    std::size_t maxResponseSize = 512;
};

class ServerEngine {
public:
    explicit ServerEngine(Zone zone, ServerConfig config = {});

    // One query datagram. Never throws; a datagram that is not a query is dropped with a ProtocolError.
    void receive(std::span<const std::uint8_t> query, std::chrono::nanoseconds now);
    // The next event, or NeedData when there is none.
    ServerEvent nextEvent();
    // The responses to send, in order (none for a dropped datagram).
    std::vector<proto::Datagram> takeOutput();
    // The server keeps no timers: every query is answered at once.
    std::optional<std::chrono::nanoseconds> nextTimeout() const { return std::nullopt; }
    void handleTimeout(std::chrono::nanoseconds) {}

    const Zone& zone() const { return zone_; }
    Zone& zone() { return zone_; }

private:
    struct Reply {
        proto::Datagram bytes;  // empty: send nothing
        std::vector<ServerEvent> events;
    };
    Reply answer(std::span<const std::uint8_t> query) const;
    static Reply errorReply(std::uint16_t id, const Flags& flags, Rcode rcode, std::vector<Question> questions,
                            std::string reason);

    Zone zone_;
    ServerConfig config_;
    std::vector<proto::Datagram> output_;
    proto::Fifo<ServerEvent> events_;
};

}  // namespace netstage::dns
