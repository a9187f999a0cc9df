#pragma once
// FTP replies (RFC 959 §4.2): a three-digit code and one or more lines of
// text. A multi-line reply is "xyz-first", any middle lines, "xyz last".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/common/line_reader.hpp"

namespace netstage::ftp {

struct Reply {
    int code = 0;
    std::vector<std::string> lines;  // text only, without the code

    bool preliminary() const { return code >= 100 && code < 200; }
    bool positive() const { return code >= 200 && code < 400; }
    std::string text() const;  // lines joined with '\n'
};

// The wire form of a reply, each line ending in CRLF.
std::string formatReply(const Reply& reply);

// Reads replies from the server's side of a control connection.
class ReplyReader {
public:
    struct Result {
        std::optional<Reply> reply;
        std::optional<std::string> error;  // a line that is not a reply line
    };

    void feed(std::string_view bytes) { lines_.feed(bytes); }
    // The next complete reply, an error for a malformed line, or neither if
    // more bytes are needed.
    Result next();

private:
    proto::LineReader lines_{4096};
    std::optional<Reply> partial_;
};

}  // namespace netstage::ftp
