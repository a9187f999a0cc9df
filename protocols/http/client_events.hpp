#pragma once
// What an HTTP client session reports: each request as written, each
// response as read (the body once, in the response's event), and what failed.

#include <cstddef>
#include <string>
#include <variant>

#include "protocols/http/fields.hpp"
#include "protocols/http/message.hpp"

namespace netstage::http::client {

struct NeedData {};

struct RequestSent {
    std::string method;
    std::string target;
    HeaderFields headers;  // as written, the engine's Host, Content-Length and Connection included
    std::size_t bodyLength = 0;
};

// A 1xx before the final response (RFC 9110 §15.2): reported and skipped.
struct InterimResponseReceived {
    int status = 100;
    std::string reason;
};

// The final response to the oldest outstanding request.
struct ResponseReceived {
    std::string method;  // of the request it answers
    std::string target;
    Version version;
    int status = 0;
    std::string reason;
    HeaderFields headers;
    std::string body;  // decoded; empty for HEAD, 1xx, 204 and 304
    HeaderFields trailers;
};

// A request written (or queued) that will get no response on this connection.
struct RequestFailed {
    std::string method;
    std::string target;
    std::string reason;
};

struct ProtocolError {
    std::string reason;
    std::string line;  // the offending line, if any (at most 200 octets)
};

using ClientEvent =
    std::variant<NeedData, RequestSent, InterimResponseReceived, ResponseReceived, RequestFailed, ProtocolError>;

}  // namespace netstage::http::client
