#pragma once
// The pieces of a JSON Lines trace record, appended to a line as text. The
// writer builds every record this way rather than through a JSON document:
// a trace holds hundreds of thousands of records, and a document per record
// cost more than the run itself.

#include <charconv>
#include <concepts>
#include <string>
#include <string_view>

namespace netstage::trace {

// A JSON string with its quotes, exactly as nlohmann::json writes it
// (dump(-1, ' ', false, replace)): '"', '\\' and the control characters
// escaped (\b \f \n \r \t, the rest as \u00xx), other bytes as they are, and
// each invalid UTF-8 sequence replaced by U+FFFD.
void appendJsonString(std::string_view text, std::string& out);

template <std::integral Integer>
void appendInteger(Integer value, std::string& out) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

}  // namespace netstage::trace
