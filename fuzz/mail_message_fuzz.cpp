// The RFC 5322 message parser. Oracle: it returns a message or an error at
// an offset inside the input; a message parsed from text with CRLF line
// ends serializes to the very same bytes (a message of header fields only
// gains the empty separator line, which the model does not record), and any
// parsed message serializes to text that parses again with the same fields.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_input.hpp"
#include "protocols/mail/message.hpp"

namespace {

bool hasBareLf(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) return true;
    }
    return false;
}

// What serialize() writes for header fields with no separator and no body.
std::string withSeparator(std::string_view text) {
    std::string out{text};
    if (!out.empty() && !out.ends_with("\r\n")) out += "\r\n";
    return out + "\r\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto parsed = mail::parseMessage(text);
    if (!parsed) {
        fuzz::require(parsed.error().offset <= size, "a mail parse error points past the input");
        return 0;
    }
    const std::string written = mail::serialize(parsed.value());
    if (!hasBareLf(text)) {
        const bool headersOnly = parsed.value().body.empty() && written == withSeparator(text);
        fuzz::require(written == text || headersOnly, "a CRLF message does not serialize to its own bytes");
    }
    const auto again = mail::parseMessage(written);
    fuzz::require(again.ok(), "a serialized message does not parse");
    const auto& first = parsed.value().headers;
    const auto& second = again.value().headers;
    fuzz::require(first.size() == second.size(), "a serialized message has other header fields");
    for (std::size_t i = 0; i < first.size(); ++i) {
        fuzz::require(first[i].name == second[i].name && first[i].value == second[i].value,
                      "a serialized message has other header fields");
    }
    mail::headerValue(parsed.value(), "Subject");
    return 0;
}
