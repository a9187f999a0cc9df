#pragma once
// Base64 (RFC 4648 section 4, with padding), as IMAP's AUTHENTICATE, MIME
// and the trace's bridge events use it.

#include <optional>
#include <string>
#include <string_view>

namespace netstage::proto {

std::string base64Encode(std::string_view data);
// The bytes, or nullopt unless `text` is whole groups of four from the alphabet with correct padding.
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace netstage::proto
