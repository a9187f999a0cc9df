#pragma once
// Data transparency (RFC 5321 §4.5.2): a line that starts with "." gets one
// more "." on the wire, so that "." alone can end the message.

#include <string>
#include <string_view>
#include <vector>

namespace netstage::smtp {

// The message as the lines a client sends after 354, dot-stuffed, without
// line endings and without the final ".". LF and CRLF both end a line; a last
// line without an ending is still sent as a line.
std::vector<std::string> stuffedDataLines(std::string_view message);

// One received line with its dot removed, if it had one to remove.
std::string_view unstuffDataLine(std::string_view line);

}  // namespace netstage::smtp
