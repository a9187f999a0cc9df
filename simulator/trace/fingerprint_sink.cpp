#include "simulator/trace/fingerprint_sink.hpp"

#include "simulator/packet/wire_format.hpp"

namespace netstage::trace {

namespace {
constexpr std::size_t prefixSize = 16;

void putLe64(std::uint8_t* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
}  // namespace

void FingerprintSink::onPacket(const PacketEvent& event) {
    buffer_.resize(prefixSize);
    appendWire(event.packet, buffer_);
    const std::uint64_t wireLength = buffer_.size() - prefixSize;
    putLe64(buffer_.data(), static_cast<std::uint64_t>(event.time.nanoseconds()));
    putLe64(buffer_.data() + 8,
            std::uint64_t{event.node} | (std::uint64_t{static_cast<std::uint8_t>(event.action)} << 32) |
                (wireLength << 40));
    const std::size_t padded = (buffer_.size() + Hash64::blockSize - 1) / Hash64::blockSize * Hash64::blockSize;
    buffer_.resize(padded, 0);
    hash_.addBlocks(buffer_);
    ++count_;
}

std::string FingerprintSink::hex() const { return toHex64(value()); }

std::string toHex64(std::uint64_t value) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits[value & 0xf];
        value >>= 4;
    }
    return out;
}

}  // namespace netstage::trace
