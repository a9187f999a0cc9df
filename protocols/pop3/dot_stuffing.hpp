#pragma once
// Multi-line replies (RFC 1939 §3): each line that starts with '.' gets one
// more '.', and a line holding only '.' ends the reply.

#include <string>
#include <string_view>
#include <vector>

namespace netstage::pop3 {

// The lines of a message without their endings. CRLF and bare LF both end a
// line; a final line without an ending is still a line; a trailing line
// ending does not add an empty line.
std::vector<std::string> splitLines(std::string_view content);

std::string stuffLine(std::string_view line);
// A received line of a multi-line reply, with the stuffed '.' removed.
std::string_view unstuffLine(std::string_view line);
bool isTerminator(std::string_view line);

}  // namespace netstage::pop3
