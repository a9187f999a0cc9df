#include "simulator/apps/smtp_server_connection.hpp"

#include "simulator/apps/engine_wiring.hpp"
#include "simulator/apps/mail_clock.hpp"
#include "simulator/apps/mail_server.hpp"

namespace netstage::apps {

SmtpServerConnection::SmtpServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection)
    : server_{server},
      connection_{std::move(connection)},
      session_{server.smtpServerConfig(), this},
      conversation_{server.host().simulator(), server.host().node().network().tracer(), server.host().node().name(),
                    "smtp", clientFirstName(*connection_),
                    server.nameOf(connection_->remote().address), server.host().node().name()},
      timer_{server.host().simulator(), [this] {
                 session_.handleTimeout(engineTime(server_.host().simulator().now()));
                 pump();
             }} {}

void SmtpServerConnection::letGo() {
    connection_->setCallbacks({});
    timer_.stop();
    self_.reset();
}

void SmtpServerConnection::start() {
    self_ = shared_from_this();
    connection_->setCallbacks(serverSessionCallbacks(session_, server_.host(), *connection_, [this] { pump(); }, [this] {
        timer_.stop();
        conversation_.close();
        auto keepAliveUntilReturn = std::move(self_);
    }));
    conversation_.open();
    session_.start(engineTime(server_.host().simulator().now()));
    pump();
}

smtp::Decision SmtpServerConnection::checkSender(const std::string& reversePath) {
    reversePath_ = reversePath;
    return server_.checkSender(reversePath);
}

smtp::Decision SmtpServerConnection::checkRecipient(const std::string& address) {
    return server_.checkRecipient(address, reversePath_);
}

smtp::Decision SmtpServerConnection::acceptMessage(const smtp::Envelope& envelope, const std::string& data) {
    return server_.acceptMessage(envelope, data, connection_->remote().address);
}

void SmtpServerConnection::pump() {
    bool closeWanted = false;
    for (;;) {
        smtp::ServerEvent event = session_.nextEvent();
        if (std::holds_alternative<smtp::NeedData>(event)) break;
        if (const auto* command = std::get_if<smtp::CommandReceived>(&event)) {
            conversation_.clientLine(command->rawLine);
        } else if (const auto* line = std::get_if<smtp::DataLineReceived>(&event)) {
            conversation_.clientLine(line->rawLine);
        } else if (const auto* reply = std::get_if<smtp::ReplySent>(&event)) {
            for (const auto& text : reply->lines) conversation_.serverLine(text);
        } else if (std::holds_alternative<smtp::CloseRequested>(event)) {
            closeWanted = true;
        }
    }
    const std::string output = session_.takeOutput();
    if (!output.empty()) connection_->send(output);
    if (closeWanted && !closing_) {
        closing_ = true;
        connection_->close();
    }
    const auto deadline = session_.nextTimeout();
    timer_.set(deadline && !closing_ ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt);
}

}  // namespace netstage::apps
