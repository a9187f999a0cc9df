#pragma once
// One incoming IMAP session: the IMAP server engine on an accepted TCP
// connection, with the conversation recorded in the trace.
//
// The engine works on the mail server's shared store. When the store changes
// (an SMTP delivery, a POP3 deletion, another IMAP session), a session in
// IDLE queues untagged updates at once; this connection watches the store
// too and sends them the moment they are queued, which is what lets Bob's
// user agent see "* 2 EXISTS" without asking.

#include <memory>

#include "protocols/imap/server_session.hpp"
#include "simulator/apps/conversation_trace.hpp"
#include "simulator/apps/engine_timer.hpp"
#include "simulator/apps/session_keeper.hpp"
#include "simulator/tcp/tcp_connection.hpp"

namespace netstage::apps {

class MailServer;

imap::ServerConfig imapServerConfig(MailServer& server);

class ImapServerConnection : public std::enable_shared_from_this<ImapServerConnection>, public SelfOwned {
public:
    ImapServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection);
    ~ImapServerConnection();
    ImapServerConnection(const ImapServerConnection&) = delete;
    ImapServerConnection& operator=(const ImapServerConnection&) = delete;

    void start();

    void letGo() override;  // SelfOwned

private:
    void pump();
    void onStoreChange(const mail::FolderChange& change);

    MailServer& server_;
    std::shared_ptr<tcp::TcpConnection> connection_;
    imap::ServerSession session_;
    ConversationTrace conversation_;
    std::shared_ptr<ImapServerConnection> self_;
    mail::MailStore::ObserverId observer_ = 0;
    EngineTimer timer_;  // autologout
    bool busy_ = false;  // driving the engine: a change it makes is sent by the pump that follows
    bool closing_ = false;
};

}  // namespace netstage::apps
