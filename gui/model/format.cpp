#include "gui/model/format.hpp"

#include <cctype>

#include "simulator/trace/connection_key.hpp"

namespace netstage::gui {

namespace {
// value / unit with at most `decimals` decimals, trailing zeros dropped.
std::string scaled(std::int64_t value, std::int64_t unit, int decimals) {
    std::string text = std::to_string(value / unit);
    std::int64_t remainder = value % unit;
    if (remainder == 0 || decimals == 0) return text;
    std::string fraction;
    for (int i = 0; i < decimals && remainder != 0; ++i) {
        remainder *= 10;
        fraction += static_cast<char>('0' + remainder / unit);
        remainder %= unit;
    }
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    return fraction.empty() ? text : text + "." + fraction;
}
}  // namespace

std::string formatRate(std::int64_t bps) {
    if (bps >= 1'000'000'000) return scaled(bps, 1'000'000'000, 2) + " Gbit/s";
    if (bps >= 1'000'000) return scaled(bps, 1'000'000, 2) + " Mbit/s";
    if (bps >= 1'000) return scaled(bps, 1'000, 2) + " kbit/s";
    return std::to_string(bps) + " bit/s";
}

std::string formatDelay(Time delay) {
    const std::int64_t ns = delay.nanoseconds();
    if (ns >= 1'000'000'000) return scaled(ns, 1'000'000'000, 3) + " s";
    if (ns >= 1'000'000) return scaled(ns, 1'000'000, 3) + " ms";
    if (ns >= 1'000) return scaled(ns, 1'000, 3) + " \u00b5s";
    return std::to_string(ns) + " ns";
}

std::string formatLinkLabel(std::int64_t bitsPerSecond, Time delay) {
    return formatRate(bitsPerSecond) + " \u00b7 " + formatDelay(delay);
}

std::string formatClock(Time t) { return "t = " + t.toMillisecondsString(); }

std::string formatBytes(std::int64_t bytes) {
    if (bytes >= 1'000'000) return scaled(bytes, 1'000'000, 1) + " MB";
    if (bytes >= 10'000) return scaled(bytes, 1'000, 1) + " kB";
    return std::to_string(bytes) + " B";
}

std::string formatConnection(const std::string& connection) {
    // TCP's events name a connection from the host: its own end first.
    const auto ends = trace::parseConnectionEnds(connection);
    if (!ends) return connection;
    const std::string port = ":" + std::to_string(ends->first.port);
    if (ends->second == Endpoint{}) return "listening on " + port;
    return port + " \u2192 " + ends->second.toString();
}

namespace {
// "10.0.1.2:49152" and "alice-pc" -> "alice-pc:49152".
std::string namedEnd(Endpoint end, const std::string& host) {
    return host.empty() ? end.toString() : host + ":" + std::to_string(end.port);
}
}  // namespace

std::string formatConnectionChoice(const std::string& protocol, const std::string& role, const std::string& key,
                                   const std::string& clientHost, const std::string& serverHost) {
    std::string label = protocol;
    for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (role == "control" || role == "data") label += " " + role;
    label += "  ";
    if (const auto connection = trace::ConnectionKey::parse(key)) {
        return label + namedEnd(connection->client, clientHost) + " \u2192 " + namedEnd(connection->server, serverHost);
    }
    // A DNS exchange is named "10.0.1.10:53000-dns" when its query is not in the trace.
    const auto dash = key.find('-');
    if (dash == std::string::npos) return label + key;
    const auto client = trace::parseEndpoint(key.substr(0, dash));
    return label + (client ? namedEnd(*client, clientHost) : key.substr(0, dash)) + " \u2192 " + key.substr(dash + 1);
}

}  // namespace netstage::gui
