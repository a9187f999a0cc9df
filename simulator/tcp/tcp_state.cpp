#include "simulator/tcp/tcp_state.hpp"

#include "simulator/tcp/tcp_callbacks.hpp"

namespace netstage::tcp {

std::string_view toString(TcpState state) {
    switch (state) {
        case TcpState::Closed: return "CLOSED";
        case TcpState::Listen: return "LISTEN";
        case TcpState::SynSent: return "SYN-SENT";
        case TcpState::SynReceived: return "SYN-RECEIVED";
        case TcpState::Established: return "ESTABLISHED";
        case TcpState::FinWait1: return "FIN-WAIT-1";
        case TcpState::FinWait2: return "FIN-WAIT-2";
        case TcpState::CloseWait: return "CLOSE-WAIT";
        case TcpState::Closing: return "CLOSING";
        case TcpState::LastAck: return "LAST-ACK";
        case TcpState::TimeWait: return "TIME-WAIT";
    }
    return "?";
}

std::string_view toString(TcpError error) {
    switch (error) {
        case TcpError::Reset: return "reset";
        case TcpError::Refused: return "refused";
        case TcpError::TimedOut: return "timed-out";
    }
    return "?";
}

}  // namespace netstage::tcp
