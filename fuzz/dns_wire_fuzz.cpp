// The DNS wire format parser (RFC 1035 §4). Oracle: it returns a message or
// an error, never reads out of bounds; a message it returns serializes (with
// and without name compression) and parses back to the same message.

#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/fuzz_input.hpp"
#include "protocols/dns/wire_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    const std::span<const std::uint8_t> bytes{data, size};
    dns::parseHeader(bytes);
    const dns::ParseResult parsed = dns::parse(bytes);
    if (!parsed) return 0;
    for (const bool compress : {true, false}) {
        const auto wire = dns::serialize(*parsed.message, {compress});
        const dns::ParseResult again = dns::parse(wire);
        fuzz::require(again && *again.message == *parsed.message, "a DNS message does not survive serialize and parse");
    }
    return 0;
}
