#pragma once
// RFC 1035 wire format: pure parse and serialize, no state.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "protocols/dns/message.hpp"

namespace netstage::dns {

struct ParseError {
    std::size_t offset = 0;  // where the problem was found
    std::string reason;
};

// Either a message or the reason it could not be read. (std::expected is C++23.)
struct ParseResult {
    std::optional<Message> message;
    ParseError error;
    explicit operator bool() const { return message.has_value(); }
};

struct Header {
    std::uint16_t id = 0;
    Flags flags;
    std::uint16_t questionCount = 0;
    std::uint16_t answerCount = 0;
    std::uint16_t authorityCount = 0;
    std::uint16_t additionalCount = 0;
};

inline constexpr std::size_t headerSize = 12;
inline constexpr std::size_t maxLabelLength = 63;
inline constexpr std::size_t maxNameLength = 255;  // octets on the wire, length bytes included

// The fixed 12-octet header alone; a server needs it to answer FORMERR to a
// message whose body it cannot read.
std::optional<Header> parseHeader(std::span<const std::uint8_t> bytes);

// Never throws and never reads out of bounds: compression pointers must point
// strictly backwards (so they cannot loop), labels are at most 63 octets and
// names at most 255. Octets after the last counted record are ignored.
ParseResult parse(std::span<const std::uint8_t> bytes);

struct SerializeOptions {
    // RFC 1035 §4.1.4 compression of every name (questions, owners, MX exchanges).
    bool compressNames = true;
};

// Throws std::invalid_argument for a message that cannot be encoded (a label
// over 63 octets, a name over 255, an empty label, more than 65535 entries):
// that is a bug in the caller, not peer input.
std::vector<std::uint8_t> serialize(const Message& message, SerializeOptions options = {});

}  // namespace netstage::dns
