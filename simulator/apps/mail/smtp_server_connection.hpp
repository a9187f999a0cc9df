#pragma once
// One incoming SMTP session: the SMTP server engine on an accepted TCP
// connection, with the conversation recorded in the trace. It is the
// engine's policy too: what the mail server decides about senders,
// recipients and messages reaches the engine through it.

#include <memory>
#include <string>

#include "protocols/smtp/server_session.hpp"
#include "simulator/apps/engine_connection.hpp"

namespace netstage::apps {

class MailServer;

// The policy comes first among the bases: the engine, built by the
// connection base, is handed this object as its policy.
class SmtpServerConnection final : public smtp::ServerPolicy, public ServerConnectionFor<smtp::ServerSession> {
public:
    // `submission`: the connection came to port 587 (AUTH offered and required).
    SmtpServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection, bool submission);

    smtp::Decision checkSender(const std::string& reversePath) override;
    smtp::Decision authenticate(const std::string& user, const std::string& password) override;
    smtp::Decision checkRecipient(const std::string& address) override;
    smtp::Decision acceptMessage(const smtp::Envelope& envelope, const std::string& data) override;

private:
    void onEvent(smtp::ServerEvent& event) override;

    MailServer& server_;
};

}  // namespace netstage::apps
