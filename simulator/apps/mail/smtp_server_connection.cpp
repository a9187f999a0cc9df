#include "simulator/apps/mail/smtp_server_connection.hpp"

#include "simulator/apps/mail/mail_server.hpp"

namespace netstage::apps {

SmtpServerConnection::SmtpServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection,
                                           bool submission)
    : ServerConnectionFor{server.host(), connection, "smtp", server.nameOf(connection->remote().address),
                          server.smtpServerConfig(submission), static_cast<smtp::ServerPolicy*>(this)},
      server_{server} {}

smtp::Decision SmtpServerConnection::checkSender(const std::string& reversePath) {
    return server_.checkSender(reversePath);
}

smtp::Decision SmtpServerConnection::authenticate(const std::string& user, const std::string& password) {
    return server_.authenticate(user, password);
}

smtp::Decision SmtpServerConnection::checkRecipient(const std::string& address) {
    return server_.checkRecipient(address, connection().remote().address, engine().authenticatedUser());
}

smtp::Decision SmtpServerConnection::acceptMessage(const smtp::Envelope& envelope, const std::string& data) {
    return server_.acceptMessage(envelope, data, connection().remote().address);
}

void SmtpServerConnection::onEvent(smtp::ServerEvent& event) {
    if (const auto* command = std::get_if<smtp::CommandReceived>(&event)) {
        conversation().clientLine(command->rawLine);
    } else if (const auto* line = std::get_if<smtp::DataLineReceived>(&event)) {
        conversation().clientLine(line->rawLine);
    } else if (const auto* reply = std::get_if<smtp::ReplySent>(&event)) {
        for (const auto& text : reply->lines) conversation().serverLine(text);
    }
}

}  // namespace netstage::apps
