// The simulator's packet parser (IPv4 + TCP or UDP, checksums verified).
// Oracle: it returns a packet or an error at an offset inside the input; it
// is the strict inverse of toWire, so a packet it accepts goes back to the
// very same bytes.

#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/fuzz_input.hpp"
#include "simulator/packet/wire_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    const WireResult result = parseWire(std::span<const std::uint8_t>{data, size});
    if (!result) {
        fuzz::require(result.error().offset <= size, "a wire error points past the input");
        return 0;
    }
    const Bytes again = toWire(result.packet());
    fuzz::require(again == Bytes(data, data + size), "an accepted packet does not go back to its own bytes");
    return 0;
}
