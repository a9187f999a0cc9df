#pragma once
// What every client application connection does on the TCP side, whatever
// its protocol: connect, stay alive until TCP is done with it, hand the
// engine its bytes and the end of the stream, send what the engine wrote,
// close when the engine asks (once what it wrote is out), run the engine's
// timer, and report the end of the session exactly once. What TCP's send
// buffer cannot take yet waits in a SendQueue and goes out as the window
// opens. SMTP, POP3 and IMAP clients use it through ClientConnectionFor
// (engine_connection.hpp); a bridged connection from outside the world
// (bridge.hpp) uses it directly, with bytes passed straight through.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "simulator/apps/engine_timer.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/send_queue.hpp"
#include "simulator/apps/session_keeper.hpp"

namespace netstage::apps {

class ClientConnection : public SelfOwned {
public:
    ~ClientConnection() override;
    void letGo() override;
    ClientConnection(const ClientConnection&) = delete;
    ClientConnection& operator=(const ClientConnection&) = delete;

protected:
    explicit ClientConnection(HostStack& host);

    // Connects; `self` keeps the object alive until TCP has closed.
    void connect(Endpoint server, std::shared_ptr<ClientConnection> self);
    // Takes over a connection a listener accepted (the peer opened it), as
    // if it had connected: an active-mode FTP data connection to a bridge.
    void adopt(std::shared_ptr<tcp::TcpConnection> accepted, std::shared_ptr<ClientConnection> self);
    // Drains the engine's events, sends its output, closes if it asked to
    // (after the output is out), and sets the timer to its deadline.
    void pump();
    // The session is over: stops the timer and calls finished() the first time only.
    void finish(bool ok, const std::string& outcome);

    HostStack& host() { return host_; }
    bool reached() const { return reached_; }  // TCP connected at some point
    // Octets written that TCP has not taken yet.
    std::size_t unsentBytes() const { return output_.size(); }
    // Stops handing received bytes to the engine: they wait in TCP's receive
    // buffer and the advertised window shrinks (a reader that is not reading).
    void pauseReading();
    void resumeReading();

    // The engine, as each protocol drives it.
    virtual void engineStart() {}  // TCP is connected
    virtual void engineReceive(std::string_view bytes) = 0;
    virtual void engineEof() = 0;
    virtual void engineTimeout() {}
    // Handles every pending event; true if the engine asked to close.
    virtual bool engineEvents() = 0;
    virtual std::string engineOutput() = 0;
    virtual std::optional<Time> engineDeadline() const { return std::nullopt; }
    // What the session's end is called when TCP closed before the engine was done.
    virtual std::string closedOutcome() const = 0;
    virtual void finished(bool ok, const std::string& outcome) = 0;

private:
    tcp::TcpCallbacks callbacks();
    // Closes now, or once the SendQueue is empty.
    void closeWhenSent();
    void onSendSpace();
    // Why a connection that never reached the server failed, in words: "no answer after 6 SYNs".
    std::string connectFailure(tcp::TcpError error) const;

    HostStack& host_;
    std::shared_ptr<tcp::TcpConnection> connection_;
    std::shared_ptr<ClientConnection> self_;
    EngineTimer timer_;
    SendQueue output_;
    bool closeWanted_ = false;
    bool closeCalled_ = false;
    bool reached_ = false;
    bool finished_ = false;
};

}  // namespace netstage::apps
