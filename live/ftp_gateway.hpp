#pragma once
// An application-level gateway for FTP's control connection, as a NAT's FTP
// helper is: the addresses inside FTP's own lines are rewritten so that a
// real client and the simulated server can reach each other's data ports.
//
//   server -> client  227 Entering Passive Mode (10,0,2,10,195,80)   the simulated server's data port
//                     227 Entering Passive Mode (127,0,0,1,160,12)   a loopback port that leads to it
//   server -> client  229 Entering Extended Passive Mode (|||50000|) likewise, port only
//   client -> server  PORT 127,0,0,1,171,3  /  EPRT |1|127.0.0.1|43779|   where the real client listens
//                     PORT 10,0,99,2,156,64 /  EPRT |1|10.0.99.2|40000|   a simulated port that leads there
//
// Every other byte passes through unchanged and at once, so a student typing
// at telnet sees no delay. Only a line that may be one of these is held until
// its end (at most maxHeldLine octets, then it passes through as it is).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "simulator/packet/ipv4_address.hpp"

namespace netstage::live {

struct FtpGatewayHooks {
    // The server offered a passive data port: open a way to it and return
    // the real address and port the client should connect to, or nothing.
    std::function<std::optional<Endpoint>(Endpoint simulated)> passive;
    // The client listens at `real` for an active data connection: return the
    // simulated address and port the server should connect to, or nothing.
    std::function<std::optional<Endpoint>(Endpoint real)> active;
    // A line was rewritten (for the trace: what a NAT does to FTP).
    std::function<void(bool fromClient, const std::string& original, const std::string& rewritten)> rewritten;
};

class FtpGateway {
public:
    static constexpr std::size_t maxHeldLine = 512;

    // `server`: the simulated server's address (a 229 reply names only a port).
    FtpGateway(Ipv4Address server, FtpGatewayHooks hooks) : server_address_{server}, hooks_{std::move(hooks)} {}

    // What goes on toward the server, for bytes from the real client.
    std::string fromClient(std::string_view bytes) { return pass(client_, bytes, true); }
    // What goes on toward the real client, for bytes from the server.
    std::string fromServer(std::string_view bytes) { return pass(server_, bytes, false); }

private:
    struct Direction {
        std::string held;      // the start of a line that may need rewriting
        bool lineStart = true; // the next byte starts a line
        bool passing = false;  // the rest of this line passes through as it is
    };
    std::string pass(Direction& direction, std::string_view bytes, bool fromClient);
    std::string rewrite(const std::string& line, bool fromClient);

    Ipv4Address server_address_;
    FtpGatewayHooks hooks_;
    Direction client_;
    Direction server_;
};

// The parts of the lines the gateway rewrites, for tests and the gateway itself.
// "(h1,h2,h3,h4,p1,p2)" anywhere in a 227 reply, or the argument of PORT.
std::optional<Endpoint> parseHostPort(std::string_view text);
std::string formatHostPort(Endpoint endpoint);
// "|||port|" in a 229 reply; "|1|address|port|" for EPRT.
std::optional<std::uint16_t> parseExtendedPassivePort(std::string_view text);
std::optional<Endpoint> parseExtendedAddress(std::string_view argument);

}  // namespace netstage::live
