// The simulator's packet parser (IPv4 + TCP or UDP, checksums verified).
// Oracle: it returns a packet or an error at an offset inside the input; it
// is the strict inverse of toWire, so a packet it accepts goes back to the
// very same bytes, bar two things checksums allow: RFC 768's UDP checksum of
// zero ("none computed"), and a checksum written as 0xffff where toWire
// writes 0x0000 (both are zero in ones' complement, so both verify).

#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/fuzz_input.hpp"
#include "simulator/packet/wire_format.hpp"

namespace {

unsigned checksumAt(const netstage::Bytes& bytes, std::size_t at) { return bytes[at] * 256u + bytes[at + 1]; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    const WireResult result = parseWire(std::span<const std::uint8_t>{data, size});
    if (!result) {
        fuzz::require(result.error().offset <= size, "a wire error points past the input");
        return 0;
    }
    const Bytes input(data, data + size);
    Bytes again = toWire(result.packet());
    fuzz::require(again.size() == input.size(), "an accepted packet does not go back to its own length");
    const std::size_t transportChecksumAt = result.packet().udp() ? 20 + 6 : 20 + 16;
    for (const std::size_t at : {std::size_t{10}, transportChecksumAt}) {
        const unsigned was = checksumAt(input, at);
        const unsigned now = checksumAt(again, at);
        const bool noUdpChecksum = result.packet().udp() && at == transportChecksumAt && was == 0;
        const bool bothZero = (was == 0 || was == 0xffff) && (now == 0 || now == 0xffff);
        if (noUdpChecksum || bothZero) {
            again[at] = input[at];
            again[at + 1] = input[at + 1];
        }
    }
    fuzz::require(again == input, "an accepted packet does not go back to its own bytes");
    return 0;
}
