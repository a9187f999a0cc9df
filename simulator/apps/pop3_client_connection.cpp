#include "simulator/apps/pop3_client_connection.hpp"

#include "simulator/apps/engine_wiring.hpp"
#include "simulator/apps/mail_clock.hpp"

namespace netstage::apps {

std::shared_ptr<Pop3ClientConnection> Pop3ClientConnection::start(HostStack& host, Endpoint server,
                                                                  pop3::ClientConfig config, Handlers handlers) {
    auto connection = std::make_shared<Pop3ClientConnection>(host, std::move(config), std::move(handlers));
    connection->self_ = connection;
    connection->connect(server);
    return connection;
}

Pop3ClientConnection::Pop3ClientConnection(HostStack& host, pop3::ClientConfig config, Handlers handlers)
    : host_{host},
      session_{std::move(config)},
      handlers_{std::move(handlers)},
      timer_{host.simulator(), [this] {
                 session_.handleTimeout(engineTime(host_.simulator().now()));
                 pump();
             }} {}

void Pop3ClientConnection::connect(Endpoint server) {
    tcp::TcpCallbacks callbacks;
    callbacks.onConnected = [this] {
        session_.start(engineTime(host_.simulator().now()));
        pump();
    };
    callbacks.onData = [this](std::span<const std::uint8_t> bytes) {
        session_.receive(asText(bytes),
                         engineTime(host_.simulator().now()));
        pump();
    };
    callbacks.onPeerClosed = [this] {
        session_.receiveEof();
        pump();
        connection_->close();
    };
    callbacks.onError = [this](tcp::TcpError error) {
        session_.receiveEof();
        pump();
        finish(false, std::string{"TCP "} + std::string{tcp::toString(error)});
    };
    callbacks.onClosed = [this] {
        finish(false, "connection closed");
        auto keepAliveUntilReturn = std::move(self_);
    };
    connection_ = host_.tcp().connect(server, std::move(callbacks));
}

void Pop3ClientConnection::pump() {
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
    const std::string output = session_.takeOutput();
    if (!output.empty() && connection_) connection_->send(output);
    if (closeWanted && connection_) connection_->close();
    const auto deadline = session_.nextTimeout();
    timer_.set(deadline && !finished_ ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt);
}

void Pop3ClientConnection::finish(bool ok, const std::string& outcome) {
    if (finished_) return;
    finished_ = true;
    timer_.stop();
    if (handlers_.onFinished) handlers_.onFinished(ok, outcome);
}

}  // namespace netstage::apps
