#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "simulator/packet/packet.hpp"

namespace netstage::trace {

// Lowercase, two digits per byte, no separators.
std::string toHex(std::span<const std::uint8_t> bytes);
// Accepts upper or lower case; nullopt for an odd length or a non-hex digit.
std::optional<Bytes> fromHex(std::string_view text);

}  // namespace netstage::trace
