#pragma once
// Which simulated servers `netstage serve` makes reachable, and on which
// local ports. Every mail server answers SMTP (25), submission (587), POP3
// (110) and IMAP (143), every FTP server FTP (21). By default each gets a local
// port of its own: 2525, 2587, 1110, 1143 and 2121 for the first server of a kind, then the
// next port up for the next one (2526 for a second mail server's SMTP, ...),
// in the scenario's order. `--port HOST:PORT=LOCAL` maps one server port
// exactly; with any `--port` given, only the mapped ones are served.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/packet/ipv4_address.hpp"
#include "simulator/scenario/scenario_spec.hpp"

namespace netstage::live {

// A mistake in what the user asked to serve, said in their words.
class ServeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// `--port hamburger.edu:25=2525`; local port 0 lets the system choose (tests).
struct PortRequest {
    std::string host;
    std::uint16_t port = 0;
    std::uint16_t localPort = 0;
};
// Parses one `--port` value; throws ServeError saying what is wrong.
PortRequest parsePortRequest(std::string_view text);

// One simulated server port reachable from outside.
struct ServedPort {
    std::string host;            // "hamburger.edu"
    std::string protocol;        // "SMTP", "Submission" (587), "POP3", "IMAP", "FTP", "HTTP" (a webmail)
    Ipv4Address address;         // the server's simulated address
    std::uint16_t port = 0;      // its simulated port (25)
    std::uint16_t localPort = 0; // the loopback port (2525); after binding, the real one
};

// The simulated ports the scenario's servers listen on, in scenario order.
std::vector<ServedPort> serverPorts(const scenario::ScenarioSpec& spec);

// The ports to serve: the defaults, or exactly the requested ones. Throws
// ServeError for a host or port the scenario does not serve, a server port
// asked for twice, or one local port given to two servers.
std::vector<ServedPort> planPorts(const scenario::ScenarioSpec& spec, const std::vector<PortRequest>& requests);

// The table printed on start: each server, its simulated address and local
// port, and a command to try it with.
std::string startupTable(const std::vector<ServedPort>& ports, std::string_view listenAddress);

}  // namespace netstage::live
