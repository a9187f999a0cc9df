#pragma once
// SHA-256 (FIPS 180-4), for expectations that pin a file's contents.

#include <string>
#include <string_view>

namespace netstage::expect {

// The digest as 64 lower-case hex digits.
std::string sha256Hex(std::string_view data);

}  // namespace netstage::expect
