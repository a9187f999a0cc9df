#pragma once
// RFC 4648 base64 (standard alphabet, '=' padding): how a version-2 trace
// carries wire bytes, a third larger than the bytes where hex is twice.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "simulator/packet/packet.hpp"

namespace netstage::trace {

// Appends the encoding of `bytes` to `out`.
void appendBase64(std::span<const std::uint8_t> bytes, std::string& out);
std::string toBase64(std::span<const std::uint8_t> bytes);
// Only the canonical encoding: a length that is a multiple of four, padding
// only at the end, and zero bits after the last byte; nullopt otherwise.
std::optional<Bytes> fromBase64(std::string_view text);

}  // namespace netstage::trace
