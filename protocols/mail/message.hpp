#pragma once
// RFC 5322 Internet Message Format: a message is header fields followed by an
// optional body. Parsing and serializing are pure functions over bytes, so the
// mail store, the SMTP server and the user agent all agree on one reading.

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace netstage::mail {

struct ParseError {
    std::size_t offset = 0;  // octet offset in the input where the problem starts
    std::string message;
    bool operator==(const ParseError&) const = default;
};

// A value or an error, in the spirit of std::expected (C++23), kept small.
template <class T>
class Result {
public:
    Result(T value) : state_{std::move(value)} {}  // NOLINT: implicit by design
    Result(ParseError error) : state_{std::move(error)} {}  // NOLINT

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    // Asking for the value of a failed result is a programming error.
    const T& value() const& { return ok() ? std::get<T>(state_) : throw std::logic_error{"Result holds an error"}; }
    T& value() & { return ok() ? std::get<T>(state_) : throw std::logic_error{"Result holds an error"}; }
    const ParseError& error() const {
        return ok() ? throw std::logic_error{"Result holds a value"} : std::get<ParseError>(state_);
    }

private:
    std::variant<T, ParseError> state_;
};

struct HeaderField {
    std::string name;   // as written, e.g. "Subject"
    std::string value;  // unfolded (line breaks before whitespace removed), outer whitespace trimmed
    // The field exactly as it appeared (folding kept, line breaks as CRLF,
    // without the final CRLF). When empty, serialize() writes "name: value".
    std::string raw;
    bool operator==(const HeaderField&) const = default;
};

struct InternetMessage {
    std::vector<HeaderField> headers;  // in order of appearance
    std::string body;                  // everything after the empty line, verbatim
    bool operator==(const InternetMessage&) const = default;
};

// Parses header fields up to the first empty line; the rest is the body.
// Lines may end in CRLF or, leniently, in a bare LF. A line that is neither a
// field, a folded continuation nor the empty separator is an error.
Result<InternetMessage> parseMessage(std::string_view text);

// Header fields (raw text when present), CRLF, then the body with every bare
// LF written as CRLF. A message parsed from CRLF text serializes to the same bytes.
std::string serialize(const InternetMessage& message);

// Case-insensitive lookups (RFC 5322 §1.2.2: field names are case-insensitive).
const HeaderField* findHeader(const InternetMessage& message, std::string_view name);
std::optional<std::string> headerValue(const InternetMessage& message, std::string_view name);
std::vector<std::string> headerValues(const InternetMessage& message, std::string_view name);

// A field whose raw text is "name: value".
HeaderField makeField(std::string_view name, std::string_view value);

// Trace fields go on top (RFC 5321 §4.4): newest first.
void prependHeader(InternetMessage& message, HeaderField field);

bool isAscii(std::string_view text);

}  // namespace netstage::mail
