#include "simulator/apps/mail/imap_client_connection.hpp"

namespace netstage::apps {

std::shared_ptr<ImapClientConnection> ImapClientConnection::start(HostStack& host, Endpoint server,
                                                                  imap::ClientConfig config, Handlers handlers) {
    auto connection = std::make_shared<ImapClientConnection>(host, std::move(config), std::move(handlers));
    connection->connect(server, connection);
    return connection;
}

ImapClientConnection::ImapClientConnection(HostStack& host, imap::ClientConfig config, Handlers handlers)
    : ClientConnectionFor{host, std::move(config)}, handlers_{std::move(handlers)} {}

void ImapClientConnection::onEvent(imap::ClientEvent& event) {
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

void ImapClientConnection::finished(bool ok, const std::string& outcome) {
    if (handlers_.onFinished) handlers_.onFinished(ok, outcome);
}

}  // namespace netstage::apps
