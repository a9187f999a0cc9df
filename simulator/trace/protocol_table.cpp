#include "simulator/trace/protocol_table.hpp"

namespace netstage::trace {

namespace {

constexpr ProtocolInfo kProtocols[] = {
    {"smtp", true}, {"pop3", true}, {"imap", true}, {"ftp", true}, {"dns", false}, {"http", true},
};

constexpr WellKnownPort kPorts[] = {
    {20, "ftp", "data"}, {21, "ftp", "control"}, {25, "smtp", "session"},
    {53, "dns", "session"}, {80, "http", "session"}, {110, "pop3", "session"}, {143, "imap", "session"},
};

}  // namespace

std::span<const ProtocolInfo> protocols() { return kProtocols; }
std::span<const WellKnownPort> wellKnownPorts() { return kPorts; }

const ProtocolInfo* protocolOfLayer(std::string_view layer) {
    for (const auto& protocol : kProtocols) {
        if (protocol.name == layer) return &protocol;
    }
    return nullptr;
}

bool hasDialogue(std::string_view layer) {
    const ProtocolInfo* protocol = protocolOfLayer(layer);
    return protocol != nullptr && protocol->dialogue;
}

const WellKnownPort* wellKnownPort(std::uint16_t port) {
    for (const auto& entry : kPorts) {
        if (entry.port == port) return &entry;
    }
    return nullptr;
}

std::string_view protocolOfPort(std::uint16_t port) {
    const WellKnownPort* entry = wellKnownPort(port);
    return entry != nullptr ? entry->protocol : std::string_view{};
}

std::string_view protocolOfPorts(std::uint16_t a, std::uint16_t b) {
    const std::string_view first = protocolOfPort(a);
    return first.empty() ? protocolOfPort(b) : first;
}

}  // namespace netstage::trace
