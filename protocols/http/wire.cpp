#include "protocols/http/wire.hpp"

#include <stdexcept>

namespace netstage::http {

namespace {

bool hasLineBreakOrNul(std::string_view text) { return text.find_first_of(std::string_view{"\r\n\0", 3}) != text.npos; }

}  // namespace

std::string statusLineText(int status, std::string_view reason) {
    if (status < 100 || status > 999 || hasLineBreakOrNul(reason)) {
        throw std::logic_error("HTTP status line cannot be written: " + std::to_string(status));
    }
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string{reason} + "\r\n";
}

std::string requestLineText(std::string_view method, std::string_view target) {
    if (!isToken(method) || target.empty() || target.find_first_of(" \t\r\n") != std::string_view::npos) {
        throw std::logic_error("HTTP request line cannot be written: " + std::string{method});
    }
    return std::string{method} + " " + std::string{target} + " HTTP/1.1\r\n";
}

void appendFields(std::string& out, const HeaderFields& fields) {
    for (const Field& field : fields) {
        if (!isToken(field.name) || hasLineBreakOrNul(field.value)) {
            throw std::logic_error("HTTP header field cannot be written: " + field.name);
        }
        out += field.name;
        out += ": ";
        out += field.value;
        out += "\r\n";
    }
    out += "\r\n";
}

Response errorResponse(int status, std::string text) {
    Response response;
    response.status = status;
    response.headers.add("Content-Type", "text/plain; charset=utf-8");
    response.body = std::move(text);
    if (response.body.empty() || response.body.back() != '\n') response.body += '\n';
    return response;
}

}  // namespace netstage::http
