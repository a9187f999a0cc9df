#pragma once
// One incoming SMTP session: the SMTP server engine on an accepted TCP
// connection, with the conversation recorded in the trace.

#include <memory>
#include <string>

#include "protocols/smtp/server_session.hpp"
#include "simulator/apps/server_connection.hpp"

namespace netstage::apps {

class MailServer;

class SmtpServerConnection final : public ServerConnection, public smtp::ServerPolicy {
public:
    SmtpServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection);

    smtp::Decision checkSender(const std::string& reversePath) override;
    smtp::Decision checkRecipient(const std::string& address) override;
    smtp::Decision acceptMessage(const smtp::Envelope& envelope, const std::string& data) override;

private:
    void engineStart() override;
    void engineReceive(std::string_view bytes) override;
    void engineEof() override { session_.receiveEof(); }
    void engineTimeout() override;
    bool engineEvents() override;
    std::string engineOutput() override { return session_.takeOutput(); }
    std::optional<Time> engineDeadline() const override;

    MailServer& server_;
    smtp::ServerSession session_;
    std::string reversePath_;  // of the transaction in progress
};

}  // namespace netstage::apps
