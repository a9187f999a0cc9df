#include "simulator/apps/pop3_client_connection.hpp"

#include "simulator/apps/mail_clock.hpp"

namespace netstage::apps {

std::shared_ptr<Pop3ClientConnection> Pop3ClientConnection::start(HostStack& host, Endpoint server,
                                                                  pop3::ClientConfig config, Handlers handlers) {
    auto connection = std::make_shared<Pop3ClientConnection>(host, std::move(config), std::move(handlers));
    connection->connect(server, connection);
    return connection;
}

Pop3ClientConnection::Pop3ClientConnection(HostStack& host, pop3::ClientConfig config, Handlers handlers)
    : ClientConnection{host}, session_{std::move(config)}, handlers_{std::move(handlers)} {}

void Pop3ClientConnection::engineStart() { session_.start(engineTime(host().simulator().now())); }

void Pop3ClientConnection::engineReceive(std::string_view bytes) {
    session_.receive(bytes, engineTime(host().simulator().now()));
}

void Pop3ClientConnection::engineTimeout() { session_.handleTimeout(engineTime(host().simulator().now())); }

std::optional<Time> Pop3ClientConnection::engineDeadline() const {
    const auto deadline = session_.nextTimeout();
    return deadline ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt;
}

bool Pop3ClientConnection::engineEvents() {
    bool closeWanted = false;
    for (;;) {
        pop3::ClientEvent event = session_.nextEvent();
        if (std::holds_alternative<pop3::client::NeedData>(event)) break;
        if (const auto* message = std::get_if<pop3::client::MessageDownloaded>(&event)) {
            if (handlers_.onMessage) handlers_.onMessage(message->number, message->content);
        } else if (const auto* done = std::get_if<pop3::client::Done>(&event)) {
            finish(true, std::to_string(done->downloaded) + " messages downloaded");
        } else if (const auto* failed = std::get_if<pop3::client::Failed>(&event)) {
            finish(false, failed->reason);
        } else if (const auto* login = std::get_if<pop3::client::LoginFailed>(&event)) {
            finish(false, "login failed: " + login->reply);
        } else if (std::holds_alternative<pop3::client::CloseRequested>(event)) {
            closeWanted = true;
        }
    }
    return closeWanted;
}

void Pop3ClientConnection::finished(bool ok, const std::string& outcome) {
    if (handlers_.onFinished) handlers_.onFinished(ok, outcome);
}

}  // namespace netstage::apps
