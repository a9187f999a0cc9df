#pragma once
// One incoming POP3 session: the POP3 server engine on an accepted TCP
// connection, with the conversation recorded in the trace.

#include <memory>

#include "protocols/pop3/server_session.hpp"
#include "simulator/apps/conversation_trace.hpp"
#include "simulator/apps/engine_timer.hpp"
#include "simulator/apps/session_keeper.hpp"
#include "simulator/apps/pop3_maildrops.hpp"
#include "simulator/tcp/tcp_connection.hpp"

namespace netstage::apps {

class MailServer;

class Pop3ServerConnection : public std::enable_shared_from_this<Pop3ServerConnection>, public SelfOwned {
public:
    Pop3ServerConnection(MailServer& server, Pop3Maildrops& maildrops, std::shared_ptr<tcp::TcpConnection> connection);
    void start();
    void letGo() override;  // SelfOwned

private:
    void pump();

    MailServer& server_;
    Pop3Maildrops& maildrops_;
    std::string user_;  // once logged in
    std::shared_ptr<tcp::TcpConnection> connection_;
    pop3::ServerSession session_;
    ConversationTrace conversation_;
    std::shared_ptr<Pop3ServerConnection> self_;
    EngineTimer timer_;
    bool closing_ = false;
};

}  // namespace netstage::apps
