#pragma once
// One incoming SMTP session: the SMTP server engine on an accepted TCP
// connection, with the conversation recorded in the trace.

#include <memory>

#include "protocols/smtp/server_session.hpp"
#include "simulator/apps/conversation_trace.hpp"
#include "simulator/apps/engine_timer.hpp"
#include "simulator/apps/session_keeper.hpp"
#include "simulator/tcp/tcp_connection.hpp"

namespace netstage::apps {

class MailServer;

class SmtpServerConnection : public smtp::ServerPolicy,
                             public std::enable_shared_from_this<SmtpServerConnection>,
                             public SelfOwned {
public:
    SmtpServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection);
    void start();
    void letGo() override;  // SelfOwned

    smtp::Decision checkSender(const std::string& reversePath) override;
    smtp::Decision checkRecipient(const std::string& address) override;
    smtp::Decision acceptMessage(const smtp::Envelope& envelope, const std::string& data) override;

private:
    void pump();

    MailServer& server_;
    std::shared_ptr<tcp::TcpConnection> connection_;
    smtp::ServerSession session_;
    ConversationTrace conversation_;
    std::shared_ptr<SmtpServerConnection> self_;
    std::string reversePath_;  // of the transaction in progress
    EngineTimer timer_;
    bool closing_ = false;
};

}  // namespace netstage::apps
