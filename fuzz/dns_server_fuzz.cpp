// The authoritative DNS server engine answering arbitrary datagrams.
// Oracle: it answers, answers FORMERR, or stays silent with a ProtocolError
// saying why; it sends at most one datagram per query, and that is a
// well-formed message that fits the UDP limit.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/common/engine.hpp"
#include "protocols/dns/server_engine.hpp"
#include "protocols/dns/wire_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    static dns::ServerEngine server = [] {
        dns::Zone zone;
        zone.addMx("hamburger.edu", 10, "mail.hamburger.edu");
        zone.addA("mail.hamburger.edu", 0x0A00020A);
        zone.addA("hamburger.edu", 0x0A000200);
        zone.addMx("crepes.fr", 5, "mx.crepes.fr");
        for (int i = 0; i < 40; ++i) zone.addA("many.crepes.fr", 0x0A000100 + static_cast<std::uint32_t>(i));
        return dns::ServerEngine{zone};
    }();
    server.receive(std::span<const std::uint8_t>{data, size}, std::chrono::nanoseconds{0});
    bool answered = false;
    bool refused = false;
    for (auto event = server.nextEvent(); !proto::isNeedData(event); event = server.nextEvent()) {
        answered = answered || std::holds_alternative<dns::QueryAnswered>(event);
        refused = refused || std::holds_alternative<dns::ProtocolError>(event);
    }
    const auto replies = server.takeOutput();
    fuzz::require(replies.size() <= 1, "the DNS server sent more than one reply to one datagram");
    fuzz::require(answered == (replies.size() == 1),
                  "a DNS reply went out without a QueryAnswered event, or the reverse");
    if (replies.empty()) {
        fuzz::require(refused, "the DNS server dropped a datagram without saying why");
        return 0;
    }
    fuzz::require(replies[0].size() <= 512, "a DNS reply is over the UDP limit");
    fuzz::require(dns::parse(replies[0]).message.has_value(), "a DNS reply does not parse");
    return 0;
}
