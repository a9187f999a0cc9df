#include "protocols/http/message.hpp"

#include <array>

#include "protocols/common/line_reader.hpp"

namespace netstage::http {

std::string toString(Version version) {
    return "HTTP/" + std::to_string(version.major) + "." + std::to_string(version.minor);
}

std::string_view reasonPhrase(int status) {
    switch (status) {
        case 100: return "Continue";
        case 101: return "Switching Protocols";
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No Content";
        case 301: return "Moved Permanently";
        case 302: return "Found";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 307: return "Temporary Redirect";
        case 308: return "Permanent Redirect";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 411: return "Length Required";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 417: return "Expectation Failed";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 503: return "Service Unavailable";
        case 505: return "HTTP Version Not Supported";
        default: return "";
    }
}

bool isStandardMethod(std::string_view method) {
    static constexpr std::array<std::string_view, 8> methods{"GET",     "HEAD",    "POST",  "PUT",
                                                              "DELETE", "CONNECT", "OPTIONS", "TRACE"};
    for (const std::string_view m : methods) {
        if (m == method) return true;
    }
    return false;
}

namespace {

// "HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 §2.3).
std::optional<Version> parseVersion(std::string_view text) {
    if (text.size() != 8 || text.substr(0, 5) != "HTTP/" || text[6] != '.') return std::nullopt;
    const char major = text[5];
    const char minor = text[7];
    if (major < '0' || major > '9' || minor < '0' || minor > '9') return std::nullopt;
    return Version{major - '0', minor - '0'};
}

bool isVisibleAscii(std::string_view text) {
    for (const char c : text) {
        const auto octet = static_cast<unsigned char>(c);
        if (octet <= 0x20 || octet >= 0x7f) return false;
    }
    return !text.empty();
}

}  // namespace

RequestLineParse parseRequestLine(std::string_view text) {
    const std::size_t firstSpace = text.find(' ');
    const std::size_t lastSpace = text.rfind(' ');
    if (firstSpace == std::string_view::npos || firstSpace == lastSpace) {
        return {std::nullopt, 400, "request line is not method, target and version"};
    }
    const std::string_view method = text.substr(0, firstSpace);
    const std::string_view target = text.substr(firstSpace + 1, lastSpace - firstSpace - 1);
    const std::string_view versionText = text.substr(lastSpace + 1);
    if (!isToken(method)) return {std::nullopt, 400, "method is not a token"};
    if (!isVisibleAscii(target)) return {std::nullopt, 400, "request target is empty or has spaces or controls"};
    const auto version = parseVersion(versionText);
    if (!version) return {std::nullopt, 400, "malformed HTTP version"};
    // RFC 9110 §6.2: a different major version is one this server does not speak.
    if (version->major != 1) return {std::nullopt, 505, "HTTP major version " + std::to_string(version->major)};
    // RFC 9112 §3.2: the four forms of request-target.
    const bool originForm = target.front() == '/';
    const bool absoluteForm = proto::istartsWith(target, "http://") || proto::istartsWith(target, "https://");
    const bool asteriskForm = target == "*" && method == "OPTIONS";
    const bool authorityForm = method == "CONNECT" && target.find('/') == std::string_view::npos;
    if (method == "CONNECT" ? !authorityForm : !(originForm || absoluteForm || asteriskForm)) {
        return {std::nullopt, 400, "request target has none of the forms RFC 9112 allows"};
    }
    if (target.find('#') != std::string_view::npos) return {std::nullopt, 400, "fragment in the request target"};
    // RFC 9110 §6.2: a higher minor version is answered as the highest we speak.
    Version spoken = *version;
    if (spoken.minor > 1) spoken.minor = 1;
    return {RequestLine{std::string{method}, std::string{target}, spoken}, 0, {}};
}

std::optional<StatusLine> parseStatusLine(std::string_view text) {
    if (text.size() < 12 || text[8] != ' ') return std::nullopt;
    const auto version = parseVersion(text.substr(0, 8));
    if (!version || version->major != 1) return std::nullopt;
    int status = 0;
    for (std::size_t i = 9; i < 12; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        status = status * 10 + (text[i] - '0');
    }
    if (status < 100) return std::nullopt;
    // RFC 9112 §4: the SP before an empty reason is required, but some servers leave it out.
    if (text.size() > 12 && text[12] != ' ') return std::nullopt;
    const std::string_view reason = text.size() > 13 ? text.substr(13) : std::string_view{};
    for (const char c : reason) {
        const auto octet = static_cast<unsigned char>(c);
        if ((octet < 0x20 && c != '\t') || octet == 0x7f) return std::nullopt;
    }
    return StatusLine{*version, status, std::string{reason}};
}

}  // namespace netstage::http
