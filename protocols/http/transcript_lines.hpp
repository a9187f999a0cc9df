#pragma once
// An HTTP message as the lecture writes it in a C:/S: transcript: the start
// line, each header field, the empty line, and the body summarised in one
// line ("[1,234 bytes of text/html]"), since a page or an image is not text
// to read line by line. Written from the engines' events, never from bytes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/http/client_events.hpp"
#include "protocols/http/server_events.hpp"

namespace netstage::http {

// "[1,234 bytes of text/html]"; the type is the Content-Type without parameters, "" when there is none.
std::string bodySummary(std::size_t length, std::string_view contentType);

std::vector<std::string> transcriptLines(const RequestReceived& request);
std::vector<std::string> transcriptLines(const ResponseSent& response);
std::vector<std::string> transcriptLines(const client::RequestSent& request);

}  // namespace netstage::http
