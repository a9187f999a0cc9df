#pragma once
// Writing HTTP/1.1 messages (RFC 9112 §3, §4, §5): start lines and field
// lines, as both engines put them on the wire. What a host asks the engine
// to write is checked here; a bad name or value is our own code's mistake
// and throws.

#include <string>
#include <string_view>

#include "protocols/http/fields.hpp"
#include "protocols/http/message.hpp"

namespace netstage::http {

// "HTTP/1.1 404 Not Found\r\n"
std::string statusLineText(int status, std::string_view reason);
// "GET /inbox HTTP/1.1\r\n"
std::string requestLineText(std::string_view method, std::string_view target);
// Each field as "Name: value\r\n", then the empty line that ends the section.
void appendFields(std::string& out, const HeaderFields& fields);

// A short text/plain response the server sends on its own (400, 408, 501, ...).
Response errorResponse(int status, std::string text);

}  // namespace netstage::http
