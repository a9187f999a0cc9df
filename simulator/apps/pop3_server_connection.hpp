#pragma once
// One incoming POP3 session: the POP3 server engine on an accepted TCP
// connection, with the conversation recorded in the trace.

#include <memory>
#include <string>

#include "protocols/pop3/server_session.hpp"
#include "simulator/apps/pop3_maildrops.hpp"
#include "simulator/apps/server_connection.hpp"

namespace netstage::apps {

class MailServer;

class Pop3ServerConnection final : public ServerConnection {
public:
    Pop3ServerConnection(MailServer& server, Pop3Maildrops& maildrops, std::shared_ptr<tcp::TcpConnection> connection);

private:
    void engineStart() override;
    void engineReceive(std::string_view bytes) override;
    void engineEof() override { session_.receiveEof(); }
    void engineTimeout() override;
    bool engineEvents() override;
    std::string engineOutput() override { return session_.takeOutput(); }
    std::optional<Time> engineDeadline() const override;
    void engineClosed() override { session_.receiveEof(); }

    Pop3Maildrops& maildrops_;
    std::string user_;  // once logged in
    pop3::ServerSession session_;
};

}  // namespace netstage::apps
