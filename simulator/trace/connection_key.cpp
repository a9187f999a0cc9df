#include "simulator/trace/connection_key.hpp"

#include <charconv>
#include <system_error>

namespace netstage::trace {

ConnectionSide otherSide(ConnectionSide side) {
    return side == ConnectionSide::Client ? ConnectionSide::Server : ConnectionSide::Client;
}

ConnectionKey ConnectionKey::seenFrom(ConnectionSide self, Endpoint local, Endpoint remote) {
    return self == ConnectionSide::Client ? ConnectionKey{local, remote} : ConnectionKey{remote, local};
}

std::string ConnectionKey::toString(ConnectionSide first) const {
    return end(first).toString() + "-" + end(otherSide(first)).toString();
}

std::optional<ConnectionKey> ConnectionKey::parse(std::string_view text, ConnectionSide first) {
    const auto ends = parseConnectionEnds(text);
    if (!ends) return std::nullopt;
    return first == ConnectionSide::Client ? ConnectionKey{ends->first, ends->second}
                                           : ConnectionKey{ends->second, ends->first};
}

std::optional<Endpoint> parseEndpoint(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto address = Ipv4Address::parse(text.substr(0, colon));
    const std::string_view portText = text.substr(colon + 1);
    // Digits only: from_chars alone would take "+25" on some libraries and stop quietly at "25x".
    if (!address || portText.empty() || portText.size() > 5 || (portText.size() > 1 && portText[0] == '0')) {
        return std::nullopt;
    }
    for (const char c : portText) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    std::uint32_t port = 0;
    const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (error != std::errc{} || end != portText.data() + portText.size() || port > 65535) return std::nullopt;
    return Endpoint{*address, static_cast<std::uint16_t>(port)};
}

std::optional<std::pair<Endpoint, Endpoint>> parseConnectionEnds(std::string_view text) {
    // Neither an address nor a port holds a '-', so the first one is the separator.
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const auto first = parseEndpoint(text.substr(0, dash));
    const auto second = parseEndpoint(text.substr(dash + 1));
    if (!first || !second) return std::nullopt;
    return std::pair{*first, *second};
}

}  // namespace netstage::trace
