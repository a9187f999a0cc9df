#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace netstage {

class Ipv4Address {
public:
    constexpr Ipv4Address() = default;
    constexpr explicit Ipv4Address(std::uint32_t hostOrder) : value_{hostOrder} {}
    constexpr Ipv4Address(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
        : value_{(std::uint32_t{a} << 24) | (std::uint32_t{b} << 16) | (std::uint32_t{c} << 8) | d} {}

    // Dotted quad, exactly four decimal octets 0..255, no leading '+' or spaces.
    static std::optional<Ipv4Address> parse(std::string_view text);

    constexpr std::uint32_t value() const { return value_; }
    std::string toString() const;
    constexpr auto operator<=>(const Ipv4Address&) const = default;

private:
    std::uint32_t value_ = 0;
};

struct Endpoint {
    Ipv4Address address;
    std::uint16_t port = 0;
    constexpr auto operator<=>(const Endpoint&) const = default;
    std::string toString() const;  // "10.0.1.2:25"
};

}  // namespace netstage
