// The authoritative DNS server engine answering arbitrary datagrams.
// Oracle: it answers, answers FORMERR, or stays silent, and whatever it
// sends is a well-formed message that fits the UDP limit.

#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/fuzz_input.hpp"
#include "protocols/dns/server_engine.hpp"
#include "protocols/dns/wire_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    static const dns::ServerEngine server = [] {
        dns::Zone zone;
        zone.addMx("hamburger.edu", 10, "mail.hamburger.edu");
        zone.addA("mail.hamburger.edu", 0x0A00020A);
        zone.addA("hamburger.edu", 0x0A000200);
        zone.addMx("crepes.fr", 5, "mx.crepes.fr");
        for (int i = 0; i < 40; ++i) zone.addA("many.crepes.fr", 0x0A000100 + static_cast<std::uint32_t>(i));
        return dns::ServerEngine{zone};
    }();
    const dns::ServerReply reply = server.answer(std::span<const std::uint8_t>{data, size});
    if (reply.bytes.empty()) return 0;
    fuzz::require(reply.bytes.size() <= 512, "a DNS reply is over the UDP limit");
    fuzz::require(dns::parse(reply.bytes).message.has_value(), "a DNS reply does not parse");
    return 0;
}
