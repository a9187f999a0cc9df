#pragma once
// An IPv4 network in CIDR notation ("10.0.1.0/24"), as a mail server's
// relay_networks list names the clients it relays for.

#include <optional>
#include <string>
#include <string_view>

#include "simulator/packet/ipv4_address.hpp"

namespace netstage {

struct Ipv4Network {
    Ipv4Address base;  // host bits zero
    int prefixLength = 32;

    // "10.0.1.0/24"; a bare address is a /32. Nothing if the text is not one,
    // or if host bits are set ("10.0.1.5/24" names an address, not a network).
    static std::optional<Ipv4Network> parse(std::string_view text);
    // The /`prefixLength` network `address` is in.
    static Ipv4Network containing(Ipv4Address address, int prefixLength);

    bool contains(Ipv4Address address) const;
    std::string toString() const;
    auto operator<=>(const Ipv4Network&) const = default;
};

}  // namespace netstage
