#include "live/serve_plan.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace netstage::live {

namespace {

struct Service {
    std::uint16_t port;
    const char* protocol;
    std::uint16_t localBase;
};
// 587 is message submission (RFC 6409): SMTP with AUTH, where desktop mail programs send.
constexpr Service kMailServices[] = {{25, "SMTP", 2525}, {587, "Submission", 2587}, {110, "POP3", 1110}, {143, "IMAP", 1143}};
constexpr Service kFtpService{21, "FTP", 2121};
// A webmail's port (80 in the scenarios) is served from 8080 up: the usual
// local stand-in for HTTP, free of the privileges port 80 would need.
constexpr std::uint16_t kHttpLocalBase = 8080;

std::optional<std::uint16_t> portNumber(std::string_view text) {
    if (text.empty() || text.size() > 5) return std::nullopt;
    std::uint32_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (value > 65535) return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

}  // namespace

PortRequest parsePortRequest(std::string_view text) {
    const std::string shown{text};
    const std::size_t equals = text.find('=');
    const std::size_t colon = text.substr(0, equals).rfind(':');
    if (equals == std::string_view::npos || colon == std::string_view::npos || colon == 0) {
        throw ServeError{"--port " + shown + ": expected HOST:PORT=LOCALPORT, such as hamburger.edu:25=2525"};
    }
    const auto port = portNumber(text.substr(colon + 1, equals - colon - 1));
    if (!port || *port == 0) throw ServeError{"--port " + shown + ": the server's port must be a number from 1 to 65535"};
    const auto local = portNumber(text.substr(equals + 1));
    if (!local) throw ServeError{"--port " + shown + ": the local port must be a number from 0 to 65535 (0: any free port)"};
    return {std::string{text.substr(0, colon)}, *port, *local};
}

std::vector<ServedPort> serverPorts(const scenario::ScenarioSpec& spec) {
    std::vector<ServedPort> ports;
    const auto addressOf = [&spec](const std::string& host) {
        const auto* found = spec.findHost(host);
        return found != nullptr ? found->address : Ipv4Address{};
    };
    std::map<std::uint16_t, std::uint16_t> nextLocal;  // server port -> next default local port
    for (const Service& service : kMailServices) nextLocal[service.port] = service.localBase;
    nextLocal[kFtpService.port] = kFtpService.localBase;
    std::uint16_t nextHttp = kHttpLocalBase;
    for (const auto& server : spec.mailServers) {
        for (const Service& service : kMailServices) {
            ports.push_back({server.host, service.protocol, addressOf(server.host), service.port, nextLocal[service.port]++});
        }
        if (server.webmailPort != 0) ports.push_back({server.host, "HTTP", addressOf(server.host), server.webmailPort, nextHttp++});
    }
    for (const auto& server : spec.ftpServers) {
        ports.push_back({server.host, kFtpService.protocol, addressOf(server.host), kFtpService.port,
                         nextLocal[kFtpService.port]++});
    }
    return ports;
}

std::vector<ServedPort> planPorts(const scenario::ScenarioSpec& spec, const std::vector<PortRequest>& requests) {
    std::vector<ServedPort> available = serverPorts(spec);
    if (available.empty()) throw ServeError{"the scenario has no mail or FTP server to serve"};
    if (requests.empty()) return available;
    std::vector<ServedPort> plan;
    std::set<std::uint16_t> locals;
    for (const PortRequest& request : requests) {
        const std::string shown = request.host + ":" + std::to_string(request.port);
        const auto found = std::find_if(available.begin(), available.end(), [&](const ServedPort& p) {
            return p.host == request.host && p.port == request.port;
        });
        if (found == available.end()) {
            std::string known;
            for (const auto& p : available) known += (known.empty() ? "" : ", ") + p.host + ":" + std::to_string(p.port);
            throw ServeError{"--port " + shown + ": the scenario has no server there; it serves " + known};
        }
        if (std::any_of(plan.begin(), plan.end(), [&](const ServedPort& p) { return p.host == request.host && p.port == request.port; })) {
            throw ServeError{"--port " + shown + " is given twice"};
        }
        if (request.localPort != 0 && !locals.insert(request.localPort).second) {
            throw ServeError{"--port " + shown + ": local port " + std::to_string(request.localPort) +
                             " is already given to another server"};
        }
        ServedPort served = *found;
        served.localPort = request.localPort;
        plan.push_back(served);
    }
    return plan;
}

std::string startupTable(const std::vector<ServedPort>& ports, std::string_view listenAddress) {
    struct Row {
        std::string server, simulated, local, tryIt;
    };
    std::vector<Row> rows{{"server", "simulated address", "local port", "try"}};
    const std::string shownAddress = listenAddress == "0.0.0.0" ? "127.0.0.1" : std::string{listenAddress};
    for (const auto& p : ports) {
        const std::string local = std::to_string(p.localPort);
        std::string tryIt = "telnet " + shownAddress + " " + local;
        if (p.protocol == "FTP") tryIt = "ftp -p " + shownAddress + " " + local + "   (or: lftp -p " + local + " " + shownAddress + ")";
        if (p.protocol == "HTTP") tryIt = "a browser at http://" + shownAddress + ":" + local + "/   (or: curl)";
        rows.push_back({p.host + " " + p.protocol, p.address.toString() + ":" + std::to_string(p.port), local, tryIt});
    }
    std::size_t widths[3] = {0, 0, 0};
    for (const auto& row : rows) {
        widths[0] = std::max(widths[0], row.server.size());
        widths[1] = std::max(widths[1], row.simulated.size());
        widths[2] = std::max(widths[2], row.local.size());
    }
    std::string out;
    const auto pad = [](const std::string& text, std::size_t width) { return text + std::string(width - text.size(), ' '); };
    for (const auto& row : rows) {
        out += "  " + pad(row.server, widths[0]) + "  " + pad(row.simulated, widths[1]) + "  " + pad(row.local, widths[2]) +
               "  " + row.tryIt + "\n";
    }
    return out;
}

}  // namespace netstage::live
