#pragma once
// What an HTTP server session reports. The transcript, the trace and the
// sequence chart are written from these, never by re-parsing bytes. Bodies
// are not in the events, only their sizes: a body is held once.

#include <cstddef>
#include <string>
#include <variant>

#include "protocols/http/fields.hpp"
#include "protocols/http/message.hpp"

namespace netstage::http {

struct NeedData {};

// A complete request, about to be handed to the RequestHandler.
struct RequestReceived {
    std::string method;
    std::string target;
    Version version;
    HeaderFields headers;
    std::size_t bodyLength = 0;
    bool chunked = false;
    HeaderFields trailers;
};

// A 1xx the server sent on its own: "100 Continue" for Expect: 100-continue.
struct InterimResponseSent {
    int status = 100;
    std::string reason;
};

// A final response, as it went on the wire (the server's framing fields included).
struct ResponseSent {
    int status = 200;
    std::string reason;
    HeaderFields headers;
    std::size_t bodyLength = 0;  // octets sent after the head (0 for HEAD)
    bool closing = false;        // the connection ends after it
};

// The client broke the protocol, or took too long. `status` is the response
// the engine answers with (400, 408, 413, ...), or 0 when it closes without
// one (an idle keep-alive connection, EOF inside a request).
struct ProtocolError {
    int status = 0;
    std::string reason;
    std::string line;  // the offending line, if there was one (at most 200 octets)
};

using ServerEvent = std::variant<NeedData, RequestReceived, InterimResponseSent, ResponseSent, ProtocolError>;

}  // namespace netstage::http
