#include "live/ftp_gateway.hpp"

#include <array>
#include <cctype>

namespace netstage::live {

namespace {

bool startsLike(std::string_view text, std::string_view word) {
    const std::size_t n = std::min(text.size(), word.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (std::toupper(static_cast<unsigned char>(text[i])) != word[i]) return false;
    }
    return true;
}

// Whether a line beginning with `start` may be one the gateway rewrites.
bool mayBeRewritten(std::string_view start, bool fromClient) {
    if (fromClient) return startsLike(start, "PORT ") || startsLike(start, "EPRT ");
    return startsLike(start, "227") || startsLike(start, "229");
}

std::optional<std::uint32_t> number(std::string_view text, std::uint32_t max) {
    if (text.empty() || text.size() > 5) return std::nullopt;
    std::uint32_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (value > max) return std::nullopt;
    return value;
}

std::string lineEnd(std::string_view line) {
    if (line.ends_with("\r\n")) return "\r\n";
    if (line.ends_with("\n")) return "\n";
    return {};
}

// Where the six numbers h1,h2,h3,h4,p1,p2 stand in `text`: [begin, end).
std::optional<std::pair<std::size_t, std::size_t>> findHostPort(std::string_view text) {
    for (std::size_t begin = 0; begin < text.size(); ++begin) {
        if (!std::isdigit(static_cast<unsigned char>(text[begin]))) continue;
        if (begin > 0 && std::isdigit(static_cast<unsigned char>(text[begin - 1]))) continue;
        std::size_t end = begin;
        int commas = 0;
        while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == ',')) {
            commas += text[end] == ',';
            ++end;
        }
        if (commas == 5 && parseHostPort(text.substr(begin, end - begin))) return std::pair{begin, end};
    }
    return std::nullopt;
}

}  // namespace

std::optional<Endpoint> parseHostPort(std::string_view text) {
    std::array<std::uint32_t, 6> parts{};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::size_t comma = i + 1 < parts.size() ? text.find(',') : text.size();
        if (comma == std::string_view::npos) return std::nullopt;
        const auto value = number(text.substr(0, comma), 255);
        if (!value) return std::nullopt;
        parts[i] = *value;
        text.remove_prefix(std::min(text.size(), comma + 1));
    }
    return Endpoint{Ipv4Address{static_cast<std::uint8_t>(parts[0]), static_cast<std::uint8_t>(parts[1]),
                                static_cast<std::uint8_t>(parts[2]), static_cast<std::uint8_t>(parts[3])},
                    static_cast<std::uint16_t>(parts[4] * 256 + parts[5])};
}

std::string formatHostPort(Endpoint endpoint) {
    const std::uint32_t a = endpoint.address.value();
    return std::to_string(a >> 24) + "," + std::to_string((a >> 16) & 0xff) + "," + std::to_string((a >> 8) & 0xff) + "," +
           std::to_string(a & 0xff) + "," + std::to_string(endpoint.port / 256) + "," + std::to_string(endpoint.port % 256);
}

std::optional<std::uint16_t> parseExtendedPassivePort(std::string_view text) {
    const std::size_t open = text.find("(|||");
    if (open == std::string_view::npos) return std::nullopt;
    const std::size_t close = text.find("|)", open + 4);
    if (close == std::string_view::npos) return std::nullopt;
    const auto port = number(text.substr(open + 4, close - open - 4), 65535);
    if (!port || *port == 0) return std::nullopt;
    return static_cast<std::uint16_t>(*port);
}

std::optional<Endpoint> parseExtendedAddress(std::string_view argument) {
    // |1|127.0.0.1|43779|  (RFC 2428; the delimiter is the first character)
    if (argument.size() < 7) return std::nullopt;
    const char delimiter = argument.front();
    std::array<std::string_view, 3> fields;
    std::string_view rest = argument.substr(1);
    for (auto& field : fields) {
        const std::size_t end = rest.find(delimiter);
        if (end == std::string_view::npos) return std::nullopt;
        field = rest.substr(0, end);
        rest.remove_prefix(end + 1);
    }
    if (!rest.empty() || fields[0] != "1") return std::nullopt;
    const auto address = Ipv4Address::parse(fields[1]);
    const auto port = number(fields[2], 65535);
    if (!address || !port || *port == 0) return std::nullopt;
    return Endpoint{*address, static_cast<std::uint16_t>(*port)};
}

std::string FtpGateway::pass(Direction& direction, std::string_view bytes, bool fromClient) {
    std::string out;
    for (const char c : bytes) {
        if (direction.passing) {
            out += c;
            if (c == '\n') direction.passing = false;
            continue;
        }
        direction.held += c;
        if (c == '\n') {
            out += rewrite(direction.held, fromClient);
            direction.held.clear();
        } else if (!mayBeRewritten(direction.held, fromClient) || direction.held.size() > maxHeldLine) {
            out += direction.held;
            direction.held.clear();
            direction.passing = true;
        }
    }
    return out;
}

std::string FtpGateway::rewrite(const std::string& line, bool fromClient) {
    const std::string end = lineEnd(line);
    const std::string_view text = std::string_view{line}.substr(0, line.size() - end.size());
    std::string changed;
    if (fromClient && startsLike(text, "PORT ") && hooks_.active) {
        const auto real = parseHostPort(text.substr(5));
        const auto simulated = real ? hooks_.active(*real) : std::nullopt;
        if (simulated) changed = std::string{text.substr(0, 5)} + formatHostPort(*simulated);
    } else if (fromClient && startsLike(text, "EPRT ") && hooks_.active) {
        const auto real = parseExtendedAddress(text.substr(5));
        const auto simulated = real ? hooks_.active(*real) : std::nullopt;
        if (simulated) {
            changed = std::string{text.substr(0, 5)} + "|1|" + simulated->address.toString() + "|" +
                      std::to_string(simulated->port) + "|";
        }
    } else if (!fromClient && startsLike(text, "227 ") && hooks_.passive) {
        if (const auto where = findHostPort(text)) {
            const auto simulated = parseHostPort(text.substr(where->first, where->second - where->first));
            if (const auto real = hooks_.passive(*simulated)) {
                changed = std::string{text.substr(0, where->first)} + formatHostPort(*real) + std::string{text.substr(where->second)};
            }
        }
    } else if (!fromClient && startsLike(text, "229 ") && hooks_.passive) {
        if (const auto port = parseExtendedPassivePort(text)) {
            if (const auto real = hooks_.passive(Endpoint{server_address_, *port})) {
                const std::size_t open = text.find("(|||") + 4;
                const std::size_t close = text.find("|)", open);
                changed = std::string{text.substr(0, open)} + std::to_string(real->port) + std::string{text.substr(close)};
            }
        }
    }
    if (changed.empty()) return line;
    if (hooks_.rewritten) hooks_.rewritten(fromClient, std::string{text}, changed);
    return changed + end;
}

}  // namespace netstage::live
