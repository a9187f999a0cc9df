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
#include "simulator/apps/server_connection.hpp"

namespace netstage::apps {

class MailServer;

imap::ServerConfig imapServerConfig(MailServer& server);

class ImapServerConnection final : public ServerConnection {
public:
    ImapServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection);
    ~ImapServerConnection() override;

private:
    // The engine keeps simulated time itself (setTime); whatever it changes in
    // the store while driven here is sent by the pump that follows, not by the
    // store observer (busy_).
    void engineStart() override;
    void engineReceive(std::string_view bytes) override;
    void engineEof() override;
    void engineTimeout() override;
    bool engineEvents() override;
    std::string engineOutput() override { return session_.takeOutput(); }
    std::optional<Time> engineDeadline() const override;  // autologout
    void engineClosed() override;
    void onStoreChange(const mail::FolderChange& change);

    MailServer& server_;
    imap::ServerSession session_;
    mail::MailStore::ObserverId observer_ = 0;
    bool busy_ = false;  // driving the engine: a change it makes is sent by the pump that follows
};

}  // namespace netstage::apps
