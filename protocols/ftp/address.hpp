#pragma once
// The host/port arguments and replies of the data-connection commands:
// PORT and 227 (RFC 959 §4.1.2, h1,h2,h3,h4,p1,p2), EPRT and 229 (RFC 2428).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace netstage::ftp {

struct HostPort {
    std::array<std::uint8_t, 4> address{};
    std::uint16_t port = 0;

    std::string addressText() const;  // "10.0.2.1"
    bool operator==(const HostPort&) const = default;
};

std::optional<std::array<std::uint8_t, 4>> parseIpv4(std::string_view text);

// "h1,h2,h3,h4,p1,p2" (PORT argument).
std::optional<HostPort> parseHostPort(std::string_view text);
std::string formatHostPort(const HostPort& hostPort);

// "|1|10.0.2.1|50123|" (EPRT argument). `unsupportedFamily` is set when the
// syntax is right but the family is not 1 (IPv4), which RFC 2428 answers with 522.
std::optional<HostPort> parseEprt(std::string_view text, bool* unsupportedFamily = nullptr);
std::string formatEprt(const HostPort& hostPort);

// The six numbers of a 227 reply, wherever they are in its text (as curl reads them).
std::optional<HostPort> parse227(std::string_view text);
// The port of a 229 reply "(|||port|)": four identical delimiters.
std::optional<std::uint16_t> parse229(std::string_view text);

}  // namespace netstage::ftp
