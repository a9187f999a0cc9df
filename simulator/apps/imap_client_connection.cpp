#include "simulator/apps/imap_client_connection.hpp"

#include "simulator/apps/engine_wiring.hpp"

namespace netstage::apps {

std::shared_ptr<ImapClientConnection> ImapClientConnection::start(HostStack& host, Endpoint server,
                                                                  imap::ClientConfig config, Handlers handlers) {
    auto connection = std::make_shared<ImapClientConnection>(host, std::move(config), std::move(handlers));
    connection->self_ = connection;
    connection->connect(server);
    return connection;
}

ImapClientConnection::ImapClientConnection(HostStack& host, imap::ClientConfig config, Handlers handlers)
    : host_{host}, session_{std::move(config)}, handlers_{std::move(handlers)} {}

void ImapClientConnection::connect(Endpoint server) {
    tcp::TcpCallbacks callbacks;
    // The server speaks first (the greeting), so nothing is sent on connect.
    callbacks.onData = [this](std::span<const std::uint8_t> bytes) {
        session_.receive(asText(bytes));
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

void ImapClientConnection::pump() {
    for (;;) {
        imap::ClientEvent event = session_.nextEvent();
        if (std::holds_alternative<imap::client::NeedData>(event)) break;
        if (const auto* list = std::get_if<imap::client::FolderList>(&event)) {
            if (handlers_.onFolders) handlers_.onFolders(list->folders);
        } else if (const auto* headers = std::get_if<imap::client::HeadersFetched>(&event)) {
            if (handlers_.onHeaders) handlers_.onHeaders(headers->sequence, headers->uid, headers->header);
        } else if (const auto* message = std::get_if<imap::client::MessageFetched>(&event)) {
            if (handlers_.onMessage) handlers_.onMessage(message->sequence, message->uid, message->content);
        } else if (const auto* fresh = std::get_if<imap::client::NewMessage>(&event)) {
            if (handlers_.onNewMessage) handlers_.onNewMessage(fresh->exists);
        } else if (std::holds_alternative<imap::client::Done>(event)) {
            finish(true, "script completed");
        } else if (const auto* failed = std::get_if<imap::client::Failed>(&event)) {
            finish(false, failed->reason);
        }
    }
    const std::string output = session_.takeOutput();
    if (!output.empty() && connection_) connection_->send(output);
    // After LOGOUT the server closes first (RFC 3501 §6.1.3); the client
    // closes its side when it sees the FIN, in onPeerClosed.
}

void ImapClientConnection::finish(bool ok, const std::string& outcome) {
    if (finished_) return;
    finished_ = true;
    if (handlers_.onFinished) handlers_.onFinished(ok, outcome);
}

}  // namespace netstage::apps
