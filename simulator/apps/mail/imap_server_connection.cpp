#include "simulator/apps/mail/imap_server_connection.hpp"

#include "simulator/apps/mail/mail_server.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::apps {

imap::ServerConfig imapServerConfig(MailServer& server) {
    imap::ServerConfig config{server.config().domain + " IMAP4rev1 server ready",
                              [&server](std::string_view user, std::string_view password) {
                                  for (const auto& account : server.config().accounts) {
                                      if (account.name == user && account.password == password) return true;
                                  }
                                  return false;
                              },
                              server.store()};
    config.unixTimeAtZero = worldEpochUnixSeconds;
    return config;
}

ImapServerConnection::ImapServerConnection(MailServer& server, std::shared_ptr<tcp::TcpConnection> connection)
    : ServerConnectionFor{server.host(), connection, "imap", server.nameOf(connection->remote().address),
                          imapServerConfig(server)},
      server_{server} {
    // Registered after the engine's own observer, so the engine has queued its
    // untagged updates by the time this one sends them.
    observer_ = server_.store().addObserver([this](const mail::FolderChange& change) { onStoreChange(change); });
}

ImapServerConnection::~ImapServerConnection() {
    if (observer_ != 0) server_.store().removeObserver(observer_);
}

void ImapServerConnection::engineClosed() {
    server_.store().removeObserver(observer_);
    observer_ = 0;
    engine().receiveEof(now());
}

// Only a session in IDLE queues anything from inside the store's call. One
// that is running a command of its own is never idling, and what that
// command changes is sent by the pump after the command, so output order and
// segments stay as the command wrote them.
void ImapServerConnection::onStoreChange(const mail::FolderChange& change) {
    if (closing() || !engine().isIdling() || change.user != engine().user()) return;
    pump();
}

void ImapServerConnection::onEvent(imap::ServerEvent& event) {
    if (const auto* command = std::get_if<imap::server::CommandReceived>(&event)) {
        for (const auto& line : command->lines) conversation().clientLine(line);
    } else if (const auto* line = std::get_if<imap::server::ResponseSent>(&event)) {
        conversation().serverLine(line->line);
    } else if (const auto* copied = std::get_if<imap::server::MessagesCopied>(&event)) {
        server_.traceCopied(engine().user(), copied->from, copied->to, copied->uids);
    } else if (const auto* appended = std::get_if<imap::server::MessageAppended>(&event)) {
        server_.traceAppended(engine().user(), appended->mailbox, appended->uid);
    } else if (const auto* expunged = std::get_if<imap::server::MessagesExpunged>(&event)) {
        server_.traceExpunged(engine().user(), expunged->mailbox, expunged->uids);
    }
}

}  // namespace netstage::apps
