#pragma once
// The TCP connection states and every transition between them, as in the
// state diagram of RFC 9293 section 3.3.2. TcpConnection checks each change
// against this table, and docs/tcp.md's diagram is read off it.
//
// LISTEN belongs to a listener (TcpStack::listen), not to a connection: a
// SYN for a listening port creates a new connection whose first transition
// is LISTEN -> SYN-RECEIVED, while the listener stays in LISTEN.

#include <array>
#include <cstdint>
#include <string_view>

namespace netstage::tcp {

enum class TcpState : std::uint8_t {
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
};

// "SYN-SENT", "FIN-WAIT-1", ...: the RFC spelling, used in traces.
std::string_view toString(TcpState state);

struct TcpTransition {
    TcpState from;
    TcpState to;
    std::string_view cause;
};

inline constexpr std::array kTcpTransitions{
    TcpTransition{TcpState::Closed, TcpState::SynSent, "active open: send SYN"},
    TcpTransition{TcpState::Closed, TcpState::Listen, "passive open (listen)"},
    TcpTransition{TcpState::Listen, TcpState::SynReceived, "receive SYN: send SYN,ACK"},
    TcpTransition{TcpState::Listen, TcpState::Closed, "close (stop listening)"},
    TcpTransition{TcpState::SynSent, TcpState::Established, "receive SYN,ACK: send ACK"},
    TcpTransition{TcpState::SynSent, TcpState::SynReceived, "simultaneous open: receive SYN, send SYN,ACK"},
    TcpTransition{TcpState::SynSent, TcpState::Closed, "RST (refused), timeout or abort"},
    TcpTransition{TcpState::SynReceived, TcpState::Established, "receive ACK of SYN"},
    TcpTransition{TcpState::SynReceived, TcpState::Closed, "RST, timeout or abort"},
    TcpTransition{TcpState::Established, TcpState::FinWait1, "close: send FIN"},
    TcpTransition{TcpState::Established, TcpState::CloseWait, "receive FIN: send ACK"},
    TcpTransition{TcpState::Established, TcpState::Closed, "RST, timeout or abort"},
    TcpTransition{TcpState::FinWait1, TcpState::FinWait2, "receive ACK of FIN"},
    TcpTransition{TcpState::FinWait1, TcpState::Closing, "simultaneous close: receive FIN, send ACK"},
    TcpTransition{TcpState::FinWait1, TcpState::TimeWait, "receive FIN and ACK of FIN"},
    TcpTransition{TcpState::FinWait1, TcpState::Closed, "RST, timeout or abort"},
    TcpTransition{TcpState::FinWait2, TcpState::TimeWait, "receive FIN: send ACK"},
    TcpTransition{TcpState::FinWait2, TcpState::Closed, "RST or abort"},
    TcpTransition{TcpState::CloseWait, TcpState::LastAck, "close: send FIN"},
    TcpTransition{TcpState::CloseWait, TcpState::Closed, "RST, timeout or abort"},
    TcpTransition{TcpState::Closing, TcpState::TimeWait, "receive ACK of FIN"},
    TcpTransition{TcpState::Closing, TcpState::Closed, "RST, timeout or abort"},
    TcpTransition{TcpState::LastAck, TcpState::Closed, "receive ACK of FIN, RST, timeout or abort"},
    TcpTransition{TcpState::TimeWait, TcpState::Closed, "2 MSL timeout, RST or abort"},
};

constexpr bool isValidTransition(TcpState from, TcpState to) {
    for (const auto& t : kTcpTransitions) {
        if (t.from == from && t.to == to) return true;
    }
    return false;
}

// States in which both sides have exchanged SYNs (RFC 9293 section 3.10.7.4).
constexpr bool isSynchronized(TcpState state) {
    return state != TcpState::Closed && state != TcpState::Listen && state != TcpState::SynSent &&
           state != TcpState::SynReceived;
}

}  // namespace netstage::tcp
