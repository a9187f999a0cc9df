#pragma once
// What every accepted application connection does on the TCP side, whatever
// its protocol: take the connection's callbacks, record the conversation
// (from the server's side, so each dialogue appears once), feed the engine
// its bytes and the end of the stream, send what it wrote (through a
// SendQueue: what TCP's send buffer cannot take yet goes out as the window
// opens), close when it asks and what it wrote is out, run its timer, and
// keep itself alive until TCP is done with it. The server side of
// ClientConnection. Protocols use it through ServerConnectionFor
// (engine_connection.hpp): SMTP, POP3, IMAP and FTP's control connection
// only say what their engine's events mean.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "simulator/apps/conversation_trace.hpp"
#include "simulator/apps/engine_timer.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/send_queue.hpp"
#include "simulator/apps/session_keeper.hpp"
#include "simulator/tcp/tcp_connection.hpp"

namespace netstage::apps {

class ServerConnection : public SelfOwned, public std::enable_shared_from_this<ServerConnection> {
public:
    ~ServerConnection() override;
    ServerConnection(const ServerConnection&) = delete;
    ServerConnection& operator=(const ServerConnection&) = delete;

    // Takes over the connection and greets; the object then lives until TCP has closed.
    void start();
    void letGo() override;

protected:
    // `client` names the peer host in the conversation; the server is this host.
    ServerConnection(HostStack& host, std::shared_ptr<tcp::TcpConnection> connection, const std::string& protocol,
                     const std::string& client);

    // Drains the engine's events, sends its output, closes if it asked to,
    // and sets the timer to its deadline.
    void pump();
    // Sends bytes on the connection now, unless it is closing: for an engine
    // whose output must go out between its events (FTP's replies around its
    // data connections). pump() sends the rest.
    void write(std::string bytes);

    HostStack& host() { return host_; }
    tcp::TcpConnection& connection() { return *connection_; }
    ConversationTrace& conversation() { return conversation_; }
    bool closing() const { return closing_; }

    // The engine, as each protocol drives it.
    virtual void engineStart() = 0;  // the greeting
    virtual void engineReceive(std::string_view bytes) = 0;
    virtual void engineEof() = 0;
    virtual void engineTimeout() = 0;
    // Handles every pending event; true if the engine asked to close.
    virtual bool engineEvents() = 0;
    virtual std::string engineOutput() = 0;
    virtual std::optional<Time> engineDeadline() const = 0;
    // TCP is done with the connection; the conversation closes right after.
    virtual void engineClosed() {}

private:
    // Closes now, or once the SendQueue is empty.
    void closeWhenSent();
    void onSendSpace();

    HostStack& host_;
    std::shared_ptr<tcp::TcpConnection> connection_;
    ConversationTrace conversation_;
    std::shared_ptr<ServerConnection> self_;
    EngineTimer timer_;
    SendQueue output_;
    bool closing_ = false;      // the engine ended the session, or TCP closed
    bool closeWanted_ = false;  // close once the SendQueue is empty
    bool closeCalled_ = false;  // TCP was told to close
};

}  // namespace netstage::apps
