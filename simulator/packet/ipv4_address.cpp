#include "simulator/packet/ipv4_address.hpp"

#include <charconv>

namespace netstage {

std::optional<Ipv4Address> Ipv4Address::parse(std::string_view text) {
    std::uint32_t value = 0;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (p == end || *p != '.') return std::nullopt;
            ++p;
        }
        if (p == end || *p < '0' || *p > '9') return std::nullopt;
        unsigned part = 0;
        const auto [next, ec] = std::from_chars(p, end, part);
        if (ec != std::errc{} || part > 255 || next - p > 3) return std::nullopt;
        p = next;
        value = (value << 8) | part;
    }
    if (p != end) return std::nullopt;
    return Ipv4Address{value};
}

std::string Ipv4Address::toString() const {
    return std::to_string(value_ >> 24) + '.' + std::to_string((value_ >> 16) & 0xff) + '.' +
           std::to_string((value_ >> 8) & 0xff) + '.' + std::to_string(value_ & 0xff);
}

std::string Endpoint::toString() const { return address.toString() + ':' + std::to_string(port); }

}  // namespace netstage
