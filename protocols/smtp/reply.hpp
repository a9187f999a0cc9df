#pragma once
// SMTP replies (RFC 5321 §4.2): a three-digit code and one or more text
// lines, "xyz-text" on every line but the last, which is "xyz text".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::smtp {

struct Reply {
    int code = 0;
    std::vector<std::string> texts;  // one per line, without the code
    bool operator==(const Reply&) const = default;
};

// The reply's lines as they go on the wire, without CRLF: {"250-a", "250 b"}.
std::vector<std::string> wireLines(const Reply& reply);
// The bytes to send, every line ended by CRLF.
std::string formatReply(const Reply& reply);

// Collects the lines of one possibly multi-line reply from the client side.
class ReplyParser {
public:
    enum class Status { NeedMore, Complete, Malformed };
    // Feeds one line (without its ending). After Complete, take() yields the reply.
    Status feed(std::string_view line);
    Reply take();
    std::vector<std::string> takeWireLines();

private:
    Reply pending_;
    std::vector<std::string> wire_;
};

}  // namespace netstage::smtp
