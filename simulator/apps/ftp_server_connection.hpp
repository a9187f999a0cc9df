#pragma once
// One FTP session on the server: the ftp::ServerSession engine on an
// accepted control connection, plus the data connections it asks for.
// The control connection and every data connection are recorded as separate
// conversations in the trace (protocol "ftp", role "control" / "data").

#include <memory>
#include <string>

#include "protocols/ftp/server_session.hpp"
#include "simulator/apps/conversation_trace.hpp"
#include "simulator/apps/engine_timer.hpp"
#include "simulator/apps/session_keeper.hpp"
#include "simulator/apps/ftp_data_link.hpp"
#include "simulator/apps/send_queue.hpp"
#include "simulator/tcp/tcp_connection.hpp"

namespace netstage::apps {

class FtpServerApp;

class FtpServerConnection : public std::enable_shared_from_this<FtpServerConnection>, public SelfOwned {
public:
    FtpServerConnection(FtpServerApp& app, std::shared_ptr<tcp::TcpConnection> control);
    void start();
    void letGo() override;  // SelfOwned: data links and listeners already hold it weakly

private:
    void pump();
    void handle(ftp::ServerEvent& event);
    void traceEvent(std::string type, trace::Fields fields);
    // Closes the control connection now, or once what waits in controlOutput_ is out.
    void closeControlWhenSent();

    // data connections
    void listen(std::uint16_t wanted);
    void connect(const std::string& address, std::uint16_t port);
    void adopt(const std::shared_ptr<FtpDataLink>& link);
    void closeData();
    void stopListening();
    tcp::TcpCallbacks dataCallbacks(const std::shared_ptr<FtpDataLink>& link);
    void onDataPeerClosed(const std::shared_ptr<FtpDataLink>& link);
    void onDataError(const std::shared_ptr<FtpDataLink>& link);
    void finishDataTrace(FtpDataLink& link);
    std::string dataConnectionName(const tcp::TcpConnection& connection) const;

    FtpServerApp& app_;
    std::shared_ptr<tcp::TcpConnection> control_;
    SendQueue controlOutput_;  // replies TCP's send buffer could not take yet
    bool controlCloseWanted_ = false;
    bool controlCloseCalled_ = false;
    ftp::ServerSession session_;
    ConversationTrace conversation_;
    std::string clientName_;
    std::shared_ptr<FtpServerConnection> self_;
    EngineTimer timer_;  // idle timeout
    bool closing_ = false;

    std::uint16_t listeningPort_ = 0;
    std::shared_ptr<FtpDataLink> data_;  // the data connection the engine knows about
};

}  // namespace netstage::apps
