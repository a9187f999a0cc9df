#include "simulator/apps/smtp_client_connection.hpp"

#include "simulator/apps/mail_clock.hpp"

namespace netstage::apps {

std::shared_ptr<SmtpClientConnection> SmtpClientConnection::start(HostStack& host, Endpoint server,
                                                                  smtp::ClientConfig config,
                                                                  std::vector<smtp::MailItem> items, Handlers handlers) {
    auto connection = std::make_shared<SmtpClientConnection>(host, std::move(config), std::move(handlers));
    for (auto& item : items) connection->session_.enqueue(std::move(item));
    connection->connect(server, connection);
    return connection;
}

SmtpClientConnection::SmtpClientConnection(HostStack& host, smtp::ClientConfig config, Handlers handlers)
    : ClientConnection{host}, session_{std::move(config)}, handlers_{std::move(handlers)} {}

void SmtpClientConnection::engineStart() { session_.start(engineTime(host().simulator().now())); }

void SmtpClientConnection::engineReceive(std::string_view bytes) {
    session_.receive(bytes, engineTime(host().simulator().now()));
}

void SmtpClientConnection::engineTimeout() { session_.handleTimeout(engineTime(host().simulator().now())); }

std::optional<Time> SmtpClientConnection::engineDeadline() const {
    const auto deadline = session_.nextTimeout();
    return deadline ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt;
}

bool SmtpClientConnection::engineEvents() {
    bool closeWanted = false;
    for (;;) {
        smtp::ClientEvent event = session_.nextEvent();
        if (std::holds_alternative<smtp::NeedData>(event)) break;
        if (const auto* item = std::get_if<smtp::ItemResult>(&event)) {
            if (handlers_.onItemResult) handlers_.onItemResult(*item);
        } else if (std::holds_alternative<smtp::CloseRequested>(event)) {
            closeWanted = true;
        } else if (std::holds_alternative<smtp::Done>(event)) {
            finish(true, "session complete");
        }
    }
    return closeWanted;
}

// SMTP's callers want to know whether the server was reached, not whether the session went well:
// each item's own result says that.
void SmtpClientConnection::finished(bool, const std::string& outcome) {
    if (handlers_.onFinished) handlers_.onFinished(reached(), outcome);
}

}  // namespace netstage::apps
