#include "protocols/ftp/address.hpp"

#include <vector>

namespace netstage::ftp {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A decimal number of at most `maxDigits` digits, no sign, no spaces.
std::optional<unsigned> parseNumber(std::string_view text, std::size_t maxDigits) {
    if (text.empty() || text.size() > maxDigits) return std::nullopt;
    unsigned value = 0;
    for (char c : text) {
        if (!isDigit(c)) return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(separator, start);
        if (at == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
}

std::optional<HostPort> fromSix(const std::vector<std::string_view>& parts) {
    if (parts.size() != 6) return std::nullopt;
    std::array<unsigned, 6> n{};
    for (std::size_t i = 0; i < 6; ++i) {
        const auto value = parseNumber(parts[i], 3);
        if (!value || *value > 255) return std::nullopt;
        n[i] = *value;
    }
    HostPort hp;
    for (std::size_t i = 0; i < 4; ++i) hp.address[i] = static_cast<std::uint8_t>(n[i]);
    hp.port = static_cast<std::uint16_t>(n[4] * 256 + n[5]);
    return hp;
}

}  // namespace

std::string HostPort::addressText() const {
    return std::to_string(address[0]) + "." + std::to_string(address[1]) + "." + std::to_string(address[2]) +
           "." + std::to_string(address[3]);
}

std::optional<std::array<std::uint8_t, 4>> parseIpv4(std::string_view text) {
    const auto parts = split(text, '.');
    if (parts.size() != 4) return std::nullopt;
    std::array<std::uint8_t, 4> out{};
    for (std::size_t i = 0; i < 4; ++i) {
        const auto value = parseNumber(parts[i], 3);
        if (!value || *value > 255) return std::nullopt;
        out[i] = static_cast<std::uint8_t>(*value);
    }
    return out;
}

std::optional<HostPort> parseHostPort(std::string_view text) { return fromSix(split(text, ',')); }

std::string formatHostPort(const HostPort& hp) {
    std::string out;
    for (auto byte : hp.address) out += std::to_string(byte) + ",";
    return out + std::to_string(hp.port / 256) + "," + std::to_string(hp.port % 256);
}

std::optional<HostPort> parseEprt(std::string_view text, bool* unsupportedFamily) {
    if (unsupportedFamily != nullptr) *unsupportedFamily = false;
    if (text.size() < 2) return std::nullopt;
    const char delimiter = text.front();
    // RFC 2428 §2: the delimiter is any printable ASCII character (33-126).
    if (delimiter < 33 || delimiter > 126 || text.back() != delimiter) return std::nullopt;
    const auto parts = split(text.substr(1, text.size() - 2), delimiter);
    if (parts.size() != 3) return std::nullopt;
    const auto family = parseNumber(parts[0], 1);
    if (!family) return std::nullopt;
    if (*family != 1) {
        if (unsupportedFamily != nullptr) *unsupportedFamily = *family == 2;
        return std::nullopt;
    }
    const auto address = parseIpv4(parts[1]);
    const auto port = parseNumber(parts[2], 5);
    if (!address || !port || *port == 0 || *port > 65535) return std::nullopt;
    return HostPort{*address, static_cast<std::uint16_t>(*port)};
}

std::string formatEprt(const HostPort& hp) { return "|1|" + hp.addressText() + "|" + std::to_string(hp.port) + "|"; }

std::optional<HostPort> parse227(std::string_view text) {
    for (std::size_t start = 0; start < text.size(); ++start) {
        if (!isDigit(text[start]) || (start > 0 && isDigit(text[start - 1]))) continue;
        std::size_t end = start;
        while (end < text.size() && (isDigit(text[end]) || text[end] == ',')) ++end;
        if (auto hp = fromSix(split(text.substr(start, end - start), ','))) return hp;
    }
    return std::nullopt;
}

std::optional<std::uint16_t> parse229(std::string_view text) {
    const std::size_t open = text.find('(');
    if (open == std::string_view::npos || open + 5 > text.size()) return std::nullopt;
    const char d = text[open + 1];
    if (text[open + 2] != d || text[open + 3] != d) return std::nullopt;
    const std::size_t close = text.find(d, open + 4);
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ')') return std::nullopt;
    const auto port = parseNumber(text.substr(open + 4, close - open - 4), 5);
    if (!port || *port == 0 || *port > 65535) return std::nullopt;
    return static_cast<std::uint16_t>(*port);
}

}  // namespace netstage::ftp
