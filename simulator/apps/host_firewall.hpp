#pragma once
// A host-level firewall that accepts no incoming TCP connections, as a home
// router with NAT or a personal firewall does: connections the host opens
// itself work, connections others open to it are refused.
//
// It sits between the node and the host's TCP stack. A segment that would
// open a connection (SYN without ACK) is answered with RST|ACK, the way a
// firewall's "reject with tcp-reset" rule does, and never reaches the stack.
// Rejecting rather than silently dropping makes the opener fail at once
// (TcpError::Refused) instead of after a minute of SYN retransmissions, so
// a scenario shows the consequence (FTP's 425) right after the cause.
// Everything else, including SYN|ACK answers to the host's own opens,
// passes through unchanged.

#include <cstdint>

#include "simulator/apps/host_stack.hpp"

namespace netstage::apps {

class IncomingFirewall {
public:
    explicit IncomingFirewall(HostStack& host);
    ~IncomingFirewall();
    IncomingFirewall(const IncomingFirewall&) = delete;
    IncomingFirewall& operator=(const IncomingFirewall&) = delete;

    std::uint64_t refused() const { return refused_; }

private:
    void receive(const Packet& packet);
    void reject(const Packet& syn);

    HostStack& host_;
    std::uint64_t refused_ = 0;
};

}  // namespace netstage::apps
