#pragma once
// The bytes an application has written on a TCP connection and TCP has not
// yet taken. TCP's send buffer is bounded (TcpConfig::sendBuffer), so a
// send() may accept less than it is offered; what it refuses waits here and
// goes out from onSendSpace, as the window opens. Pieces are kept as they
// were written (moved in, or shared with their owner, such as a file of the
// FTP server's file system), never copied into one big buffer, so a message
// or file is held once by its owner plus at most one send buffer's worth by
// TCP.

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

#include "simulator/tcp/tcp_connection.hpp"

namespace netstage::apps {

class SendQueue {
public:
    // Writes what TCP takes now and keeps the rest, in order after anything
    // already waiting.
    void write(tcp::TcpConnection& connection, std::string bytes);
    // The same for bytes owned elsewhere: `length` octets of `bytes` from
    // `offset` on (npos: to its end) are sent straight from the shared string.
    void write(tcp::TcpConnection& connection, std::shared_ptr<const std::string> bytes, std::size_t offset = 0,
               std::size_t length = std::string::npos);
    // Hands TCP as much of what waits as it accepts (call from onSendSpace).
    // True when nothing is left.
    bool flush(tcp::TcpConnection& connection);

    bool empty() const { return pieces_.empty(); }
    // Octets waiting.
    std::size_t size() const { return size_; }
    // Forgets what waits (the connection is gone).
    void clear();

private:
    struct Piece {
        std::shared_ptr<const std::string> bytes;
        std::size_t offset = 0;  // the next octet to send
        std::size_t end = 0;     // one past the last octet to send
    };
    std::deque<Piece> pieces_;
    std::size_t size_ = 0;
};

}  // namespace netstage::apps
