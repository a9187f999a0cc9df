#pragma once
// One incoming POP3 session: the POP3 server engine on an accepted TCP
// connection, with the conversation recorded in the trace.

#include <memory>
#include <string>

#include "protocols/pop3/server_session.hpp"
#include "simulator/apps/engine_connection.hpp"
#include "simulator/apps/mail/pop3_maildrops.hpp"

namespace netstage::apps {

class MailServer;

class Pop3ServerConnection final : public ServerConnectionFor<pop3::ServerSession> {
public:
    Pop3ServerConnection(MailServer& server, Pop3Maildrops& maildrops, std::shared_ptr<tcp::TcpConnection> connection);

private:
    void onEvent(pop3::ServerEvent& event) override;
    // A connection that ends without QUIT releases the maildrop undeleted (RFC 1939 §6).
    void engineClosed() override { engine().receiveEof(now()); }

    Pop3Maildrops& maildrops_;
    std::string user_;  // once logged in
};

}  // namespace netstage::apps
