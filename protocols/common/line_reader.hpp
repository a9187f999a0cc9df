#pragma once
// Splits a byte stream into protocol lines. Every text protocol NetStage
// speaks (SMTP, POP3, IMAP, FTP) reads its peer this way, so the split-at-
// every-byte guarantee is proved once, here.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace netstage::proto {

struct Line {
    std::string text;       // without the line ending
    bool bareLf = false;    // ended by LF alone instead of CRLF
    bool tooLong = false;   // longer than the limit; text holds only the first `limit` octets
};

class LineReader {
public:
    // `limit` counts the octets of the line including its CRLF, as the RFCs
    // do (SMTP: 512 for commands, 1000 for text lines).
    explicit LineReader(std::size_t limit = 1000) : limit_{limit} {}

    void setLimit(std::size_t limit) { limit_ = limit; }
    void feed(std::string_view bytes) { buffer_.append(bytes); }

    // The next complete line, or nothing if more bytes are needed. A line that
    // exceeds the limit is still consumed up to its end (and flagged), so a
    // hostile peer cannot make the buffer grow without bound: only `limit`
    // octets of it are kept.
    std::optional<Line> next();

    // Takes exactly `n` raw octets (an IMAP literal, say) if they are buffered.
    std::optional<std::string> takeRaw(std::size_t n);

    // Bytes buffered but not yet returned.
    std::size_t buffered() const { return buffer_.size() - start_; }
    std::string_view pending() const { return std::string_view{buffer_}.substr(start_); }

private:
    void compact();

    std::string buffer_;
    std::size_t start_ = 0;
    std::size_t limit_;
    bool discarding_ = false;  // inside an over-long line, waiting for its end
    bool discardedCr_ = false;  // the last discarded octet was CR
    std::string overlongHead_;
};

// ASCII helpers: protocol keywords are case-insensitive ASCII, never locale-dependent.
char asciiUpper(char c);
std::string asciiUpper(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
bool istartsWith(std::string_view text, std::string_view prefix);
std::string_view trimSpaces(std::string_view text);

}  // namespace netstage::proto
