#include "simulator/packet/tcp_flag_names.hpp"

#include <array>
#include <utility>

#include "simulator/packet/packet.hpp"

namespace netstage {

std::string tcpFlagNames(std::uint8_t flags) {
    static constexpr std::array<std::pair<std::uint8_t, const char*>, 8> names{{
        {tcp_flags::fin, "FIN"}, {tcp_flags::syn, "SYN"}, {tcp_flags::rst, "RST"}, {tcp_flags::psh, "PSH"},
        {tcp_flags::ack, "ACK"}, {tcp_flags::urg, "URG"}, {0x40, "ECE"}, {0x80, "CWR"},
    }};
    std::string text;
    for (const auto& [bit, name] : names) {
        if ((flags & bit) == 0) continue;
        if (!text.empty()) text += ", ";
        text += name;
    }
    return text;
}

}  // namespace netstage
