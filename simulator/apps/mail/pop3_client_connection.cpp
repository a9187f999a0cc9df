#include "simulator/apps/mail/pop3_client_connection.hpp"

namespace netstage::apps {

std::shared_ptr<Pop3ClientConnection> Pop3ClientConnection::start(HostStack& host, Endpoint server,
                                                                  pop3::ClientConfig config, Handlers handlers) {
    auto connection = std::make_shared<Pop3ClientConnection>(host, std::move(config), std::move(handlers));
    connection->connect(server, connection);
    return connection;
}

Pop3ClientConnection::Pop3ClientConnection(HostStack& host, pop3::ClientConfig config, Handlers handlers)
    : ClientConnectionFor{host, std::move(config)}, handlers_{std::move(handlers)} {}

void Pop3ClientConnection::onEvent(pop3::ClientEvent& event) {
    if (const auto* message = std::get_if<pop3::client::MessageDownloaded>(&event)) {
        if (handlers_.onMessage) handlers_.onMessage(message->number, message->content);
    } else if (const auto* done = std::get_if<pop3::client::Done>(&event)) {
        finish(true, std::to_string(done->downloaded) + " messages downloaded");
    } else if (const auto* failed = std::get_if<pop3::client::Failed>(&event)) {
        finish(false, failed->reason);
    } else if (const auto* login = std::get_if<pop3::client::LoginFailed>(&event)) {
        finish(false, "login failed: " + login->reply);
    }
}

void Pop3ClientConnection::finished(bool ok, const std::string& outcome) {
    if (handlers_.onFinished) handlers_.onFinished(ok, outcome);
}

}  // namespace netstage::apps
