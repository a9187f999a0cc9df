#include "simulator/apps/smtp_client_connection.hpp"

#include "simulator/apps/engine_wiring.hpp"
#include "simulator/apps/mail_clock.hpp"

namespace netstage::apps {

std::shared_ptr<SmtpClientConnection> SmtpClientConnection::start(HostStack& host, Endpoint server,
                                                                  smtp::ClientConfig config,
                                                                  std::vector<smtp::MailItem> items, Handlers handlers) {
    auto connection = std::make_shared<SmtpClientConnection>(host, std::move(config), std::move(handlers));
    for (auto& item : items) connection->session_.enqueue(std::move(item));
    connection->self_ = connection;
    connection->connect(server);
    return connection;
}

SmtpClientConnection::SmtpClientConnection(HostStack& host, smtp::ClientConfig config, Handlers handlers)
    : host_{host},
      session_{std::move(config)},
      handlers_{std::move(handlers)},
      timer_{host.simulator(), [this] {
                 session_.handleTimeout(engineTime(host_.simulator().now()));
                 pump();
             }} {}

void SmtpClientConnection::connect(Endpoint server) {
    tcp::TcpCallbacks callbacks;
    callbacks.onConnected = [this] {
        reached_ = true;
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
        if (connection_) connection_->close();
    };
    callbacks.onError = [this](tcp::TcpError error) {
        session_.receiveEof();
        pump();
        finish(std::string{"TCP "} + std::string{tcp::toString(error)});
    };
    // The object lives until TCP is done with it, whatever happened before.
    callbacks.onClosed = [this] {
        finish(reached_ ? "session closed" : "connection failed");
        auto keepAliveUntilReturn = std::move(self_);
    };
    connection_ = host_.tcp().connect(server, std::move(callbacks));
}

void SmtpClientConnection::pump() {
    bool closeWanted = false;
    for (;;) {
        smtp::ClientEvent event = session_.nextEvent();
        if (std::holds_alternative<smtp::NeedData>(event)) break;
        if (const auto* item = std::get_if<smtp::ItemResult>(&event)) {
            if (handlers_.onItemResult) handlers_.onItemResult(*item);
        } else if (std::holds_alternative<smtp::CloseRequested>(event)) {
            closeWanted = true;
        } else if (std::holds_alternative<smtp::Done>(event)) {
            finish("session complete");
        }
    }
    const std::string output = session_.takeOutput();
    if (!output.empty() && connection_) connection_->send(output);
    if (closeWanted && connection_) connection_->close();
    const auto deadline = session_.nextTimeout();
    timer_.set(deadline && !finished_ ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt);
}

void SmtpClientConnection::finish(const std::string& reason) {
    if (finished_) return;
    finished_ = true;
    timer_.stop();
    if (handlers_.onFinished) handlers_.onFinished(reached_, reason);
}

}  // namespace netstage::apps
