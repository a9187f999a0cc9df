#pragma once
// How FTP traffic is written into conversation lines.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::apps {

// "a\r\nb\r\n" -> {"a", "b"}; a last line without CRLF is kept.
std::vector<std::string> splitCrlfLines(std::string_view bytes);

// A file on a data connection is summarised, not printed: "<1234 bytes of /pub/report.pdf>".
std::string octetSummary(std::uint64_t bytes, std::string_view file);

}  // namespace netstage::apps
