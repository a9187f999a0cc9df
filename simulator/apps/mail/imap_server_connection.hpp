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
#include "simulator/apps/engine_connection.hpp"

namespace netstage::apps {

class MailServer;

imap::ServerConfig imapServerConfig(MailServer& server);

class ImapServerConnection final : public ServerConnectionFor<imap::ServerSession> {
public:
    ImapServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection);
    ~ImapServerConnection() override;

private:
    void onEvent(imap::ServerEvent& event) override;
    void engineClosed() override;
    void onStoreChange(const mail::FolderChange& change);

    MailServer& server_;
    mail::MailStore::ObserverId observer_ = 0;
};

}  // namespace netstage::apps
