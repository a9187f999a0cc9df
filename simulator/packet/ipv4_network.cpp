#include "simulator/packet/ipv4_network.hpp"

namespace netstage {

namespace {

std::uint32_t maskOf(int prefixLength) {
    return prefixLength == 0 ? 0u : ~std::uint32_t{0} << (32 - prefixLength);
}

}  // namespace

std::optional<Ipv4Network> Ipv4Network::parse(std::string_view text) {
    const std::size_t slash = text.find('/');
    const auto address = Ipv4Address::parse(text.substr(0, slash));
    if (!address) return std::nullopt;
    int length = 32;
    if (slash != std::string_view::npos) {
        const std::string_view digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 2) return std::nullopt;
        length = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;
            length = length * 10 + (c - '0');
        }
        if (length > 32) return std::nullopt;
    }
    if ((address->value() & ~maskOf(length)) != 0) return std::nullopt;
    return Ipv4Network{*address, length};
}

Ipv4Network Ipv4Network::containing(Ipv4Address address, int prefixLength) {
    return {Ipv4Address{address.value() & maskOf(prefixLength)}, prefixLength};
}

bool Ipv4Network::contains(Ipv4Address address) const {
    return (address.value() & maskOf(prefixLength)) == base.value();
}

std::string Ipv4Network::toString() const { return base.toString() + "/" + std::to_string(prefixLength); }

}  // namespace netstage
