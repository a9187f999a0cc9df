#include "simulator/apps/smtp_server_connection.hpp"

#include "simulator/apps/mail_clock.hpp"
#include "simulator/apps/mail_server.hpp"

namespace netstage::apps {

SmtpServerConnection::SmtpServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection)
    : ServerConnection{server.host(), connection, "smtp", server.nameOf(connection->remote().address)},
      server_{server},
      session_{server.smtpServerConfig(), this} {}

void SmtpServerConnection::engineStart() { session_.start(engineTime(host().simulator().now())); }

void SmtpServerConnection::engineReceive(std::string_view bytes) {
    session_.receive(bytes, engineTime(host().simulator().now()));
}

void SmtpServerConnection::engineTimeout() { session_.handleTimeout(engineTime(host().simulator().now())); }

std::optional<Time> SmtpServerConnection::engineDeadline() const {
    const auto deadline = session_.nextTimeout();
    return deadline ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt;
}

smtp::Decision SmtpServerConnection::checkSender(const std::string& reversePath) {
    reversePath_ = reversePath;
    return server_.checkSender(reversePath);
}

smtp::Decision SmtpServerConnection::checkRecipient(const std::string& address) {
    return server_.checkRecipient(address, reversePath_);
}

smtp::Decision SmtpServerConnection::acceptMessage(const smtp::Envelope& envelope, const std::string& data) {
    return server_.acceptMessage(envelope, data, connection().remote().address);
}

bool SmtpServerConnection::engineEvents() {
    bool closeWanted = false;
    for (;;) {
        smtp::ServerEvent event = session_.nextEvent();
        if (std::holds_alternative<smtp::NeedData>(event)) break;
        if (const auto* command = std::get_if<smtp::CommandReceived>(&event)) {
            conversation().clientLine(command->rawLine);
        } else if (const auto* line = std::get_if<smtp::DataLineReceived>(&event)) {
            conversation().clientLine(line->rawLine);
        } else if (const auto* reply = std::get_if<smtp::ReplySent>(&event)) {
            for (const auto& text : reply->lines) conversation().serverLine(text);
        } else if (std::holds_alternative<smtp::CloseRequested>(event)) {
            closeWanted = true;
        }
    }
    return closeWanted;
}

}  // namespace netstage::apps
