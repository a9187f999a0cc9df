#pragma once
// Hand-built runs for the trace tests: no simulator, just records a real run
// could have produced, with consistent TCP sequence numbers.

#include <string>
#include <string_view>

#include "simulator/trace/record.hpp"

namespace netstage::trace::testing_support {

// Builds one TCP connection segment by segment, tracking seq/ack like a real
// stack would, so Wireshark's analysis finds nothing to complain about.
class TcpConversation {
public:
    TcpConversation(Endpoint client, Endpoint server, std::uint32_t clientIsn, std::uint32_t serverIsn);

    // A segment from the client (fromClient) or the server. SYN and FIN each
    // take one sequence number; ack is filled in whenever ACK is set.
    Packet segment(bool fromClient, std::uint8_t flags, std::string_view payload = {});

private:
    struct Side {
        Endpoint endpoint;
        std::uint32_t nextSeq = 0;
        std::uint32_t nextExpected = 0;  // what it acknowledges
        std::uint16_t identification = 0;
    };
    Side client_;
    Side server_;
    std::uint64_t nextUid_ = 1;
};

// The SMTP example the lecture uses: handshake, 220 greeting, HELO/250,
// QUIT/221, FIN from both sides. Each packet is "sent" at its origin and
// "received" at its destination half a millisecond later, with a few events.
TraceLog smtpConversation();

// A three-record run for golden-string tests: a SYN sent, the same SYN
// dropped, and a TCP state event.
TraceLog tinyRun();

// tinyRun's SYN sent, enqueued and forwarded by a router (TTL one less),
// received twice; then another packet under the same uid.
TraceLog packetJourney();

}  // namespace netstage::trace::testing_support
