#pragma once
// One FTP data connection as the simulated hosts hold it: the TCP connection,
// the bytes still waiting for send-buffer space, and whether it should close
// once they are out. Shared by the server and the client application: a file
// can be larger than the TCP send buffer, so writes wait in a SendQueue and
// resume from onSendSpace. The queue shares the file's string with its owner
// (the file system, the client's upload): a download is not copied.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "simulator/apps/conversation_trace.hpp"
#include "simulator/apps/send_queue.hpp"
#include "simulator/tcp/tcp_connection.hpp"

namespace netstage::apps {

class FtpDataLink {
public:
    void attach(std::shared_ptr<tcp::TcpConnection> connection) { connection_ = std::move(connection); }
    tcp::TcpConnection* connection() const { return connection_.get(); }
    bool established() const { return established_; }
    void markEstablished() { established_ = true; }

    // Writes as many octets as the send buffer takes and keeps the rest:
    // `bytes` from `offset` on, shared, not copied.
    void send(std::shared_ptr<const std::string> bytes, std::size_t offset = 0);
    // Closes once every queued byte is handed to TCP.
    void closeWhenSent();
    // Call from onSendSpace.
    void flush();
    void abort();
    bool closeCalled() const { return closeCalled_; }
    bool peerClosed() const { return peerClosed_; }
    void markPeerClosed() { peerClosed_ = true; }

    // The conversation record of this data connection (server side only).
    std::unique_ptr<ConversationTrace> trace;
    std::uint64_t bytesReceived = 0;
    std::string verb;  // RETR, STOR, LIST, ... once the transfer started
    std::string file;
    // A download whose end the engine waits for (dataConnectionClosed()).
    bool reportClose = false;

    // Keeps the connection alive while its own callback runs.
    std::shared_ptr<tcp::TcpConnection> release() { return std::move(connection_); }

private:
    std::shared_ptr<tcp::TcpConnection> connection_;
    SendQueue pending_;
    bool established_ = false;
    bool closeWanted_ = false;
    bool closeCalled_ = false;
    bool peerClosed_ = false;
};

}  // namespace netstage::apps
