#include "simulator/apps/mail/smtp_client_connection.hpp"

namespace netstage::apps {

std::shared_ptr<SmtpClientConnection> SmtpClientConnection::start(HostStack& host, Endpoint server,
                                                                  smtp::ClientConfig config,
                                                                  std::vector<smtp::MailItem> items, Handlers handlers) {
    auto connection = std::make_shared<SmtpClientConnection>(host, std::move(config), std::move(handlers));
    for (auto& item : items) connection->engine().enqueue(std::move(item));
    connection->connect(server, connection);
    return connection;
}

SmtpClientConnection::SmtpClientConnection(HostStack& host, smtp::ClientConfig config, Handlers handlers)
    : ClientConnectionFor{host, std::move(config)}, handlers_{std::move(handlers)} {}

bool SmtpClientConnection::add(smtp::MailItem item) {
    const smtp::ClientState state = engine().state();
    if (state == smtp::ClientState::AwaitQuit || state == smtp::ClientState::Finished) return false;
    engine().enqueue(std::move(item));
    return true;
}

void SmtpClientConnection::onEvent(smtp::ClientEvent& event) {
    if (const auto* item = std::get_if<smtp::ItemResult>(&event)) {
        if (handlers_.onItemResult) handlers_.onItemResult(*item);
    } else if (std::holds_alternative<smtp::Done>(event)) {
        finish(true, "session complete");
    }
}

// SMTP's callers want to know whether the server was reached, not whether the session went well:
// each item's own result says that.
void SmtpClientConnection::finished(bool, const std::string& outcome) {
    if (handlers_.onFinished) handlers_.onFinished(reached(), outcome);
}

}  // namespace netstage::apps
