#pragma once
// The parts of an HTTP/1.1 message the engines exchange with their hosts
// (RFC 9110 §6): a request as the server's handler sees it, a response as
// the handler writes it, and the start lines (RFC 9112 §3, §4).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "protocols/http/fields.hpp"

namespace netstage::http {

struct Version {
    int major = 1;
    int minor = 1;
    bool operator==(const Version&) const = default;
};

std::string toString(Version version);  // "HTTP/1.1"

// A complete request. The server hands it to its RequestHandler by value,
// so the handler owns the body and can keep it without a copy.
struct Request {
    std::string method;  // case-sensitive (RFC 9110 §9.1): "GET", never "get"
    std::string target;  // as sent: "/inbox?page=2", "http://crepes.fr/", "*"
    Version version;
    HeaderFields headers;
    std::string body;  // decoded: chunked framing removed
    HeaderFields trailers;  // from a chunked body
};

// What a handler answers. The server adds the framing itself
// (Content-Length, Connection), so the handler must not set those.
struct Response {
    int status = 200;
    std::string reason;  // empty: the standard phrase for `status`
    HeaderFields headers;
    std::string body;  // for HEAD too: the server sends its length, not its octets
    bool close = false;  // end the connection after this response
};

// The standard reason phrase (RFC 9110 §15), or "" for a code without one.
std::string_view reasonPhrase(int status);

// The methods RFC 9110 §9 defines. Another token is a method this server
// does not implement (501); which of these a resource allows is the
// handler's business (405).
bool isStandardMethod(std::string_view method);

// RFC 9112 §3: method SP request-target SP HTTP-version. `status` is what
// a server answers when it is not one (400, 505).
struct RequestLine {
    std::string method;
    std::string target;
    Version version;
};
struct RequestLineParse {
    std::optional<RequestLine> line;
    int status = 0;
    std::string error;
};
RequestLineParse parseRequestLine(std::string_view text);

// RFC 9112 §4: HTTP-version SP 3DIGIT SP [reason-phrase].
struct StatusLine {
    Version version;
    int status = 0;
    std::string reason;
};
std::optional<StatusLine> parseStatusLine(std::string_view text);

// Status codes whose responses never have content (RFC 9110 §6.4.1).
constexpr bool statusHasNoContent(int status) { return status < 200 || status == 204 || status == 304; }

}  // namespace netstage::http
