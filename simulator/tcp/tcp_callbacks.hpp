#pragma once
// How a connection talks to the application that owns it. Every callback is
// optional. Callbacks run inside the simulator event that caused them; they
// may call any TcpConnection method, including close() and abort().

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

namespace netstage::tcp {

enum class TcpError : std::uint8_t {
    Reset,     // the peer sent RST on an open connection
    Refused,   // RST in answer to our SYN (nobody listens on that port)
    TimedOut,  // too many retransmissions without an answer
};
std::string_view toString(TcpError error);

struct TcpCallbacks {
    std::function<void()> onConnected = {};  // active open completed (ESTABLISHED)
    // In-order bytes from the peer. The span is valid only during the call.
    std::function<void(std::span<const std::uint8_t>)> onData = {};
    // Send-buffer space became free after a send() accepted less than offered.
    std::function<void()> onSendSpace = {};
    // The peer's FIN arrived, after every byte before it was delivered.
    std::function<void()> onPeerClosed = {};
    // The connection reached CLOSED (after onError when it ended in error).
    std::function<void()> onClosed = {};
    std::function<void(TcpError)> onError = {};
};

}  // namespace netstage::tcp
