#pragma once
// IMAP4rev1 lexical syntax (RFC 3501 §4, §9): reading atoms, strings and
// literals out of an assembled command or response, and writing them back.
// A literal inside the assembled text is kept in wire form, `{N}\r\n<N octets>`,
// so one cursor reads commands and responses alike.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/common/base64.hpp"

namespace netstage::imap {

class Cursor {
public:
    explicit Cursor(std::string_view text) : text_{text} {}

    bool atEnd() const { return pos_ >= text_.size(); }
    char peek() const { return atEnd() ? '\0' : text_[pos_]; }
    std::size_t position() const { return pos_; }
    std::string_view rest() const { return text_.substr(pos_); }
    void advance(std::size_t n = 1) { pos_ = std::min(pos_ + n, text_.size()); }

    bool consume(char c);
    bool consumeWord(std::string_view word);  // case-insensitive, must end at a delimiter
    bool space() { return consume(' '); }

    // An atom: one or more ATOM-CHARs. `extra` lists further characters allowed
    // (']' for flags like "\Seen", '[' and '<' for fetch attributes, ...).
    std::optional<std::string> atom(std::string_view extra = {});
    // An atom that stops before '[': the name part of "BODY[HEADER]".
    std::optional<std::string> attributeName();
    std::optional<std::string> quoted();
    std::optional<std::string> literal();
    std::optional<std::string> string();    // quoted or literal
    std::optional<std::string> astring();   // atom (with ']' allowed) or string
    // NIL or a string; the outer optional is a syntax error, the inner one NIL.
    std::optional<std::optional<std::string>> nstring();
    std::optional<std::uint32_t> number();

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

bool isAtomChar(char c);

// Writes `text` as an atom if it can be one, else quoted, else as a literal.
std::string astringOf(std::string_view text);
// Writes `text` as a quoted string, or a literal when it holds CR, LF, NUL or 8-bit octets.
std::string stringOf(std::string_view text);
std::string nstringOf(const std::optional<std::string>& text);
std::string literalOf(std::string_view text);

// If the line ends in a literal announcement `{N}` or `{N+}`, returns N and whether it is non-synchronizing.
struct LiteralAnnouncement {
    std::size_t size = 0;
    bool nonSynchronizing = false;
};
std::optional<LiteralAnnouncement> trailingLiteral(std::string_view line);

using proto::base64Decode;
using proto::base64Encode;

// Dates: RFC 3501 date-time "17-Jul-1996 02:44:25 -0700" and date "1-Feb-1994".
// Internal dates are unix seconds and are printed as UTC.
std::string formatDateTime(std::int64_t unixSeconds);
std::optional<std::int64_t> parseDateTime(std::string_view text);
std::optional<std::int64_t> parseDate(std::string_view text);  // days since 1970-01-01
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day);
std::int64_t dayOf(std::int64_t unixSeconds);

// Splits raw bytes into lines at CRLF (or LF) for transcripts; a trailing piece without an ending is kept.
std::vector<std::string> splitLines(std::string_view bytes);

}  // namespace netstage::imap

