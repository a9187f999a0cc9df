#include "simulator/apps/imap_server_connection.hpp"

#include "simulator/apps/mail_clock.hpp"
#include "simulator/apps/mail_server.hpp"

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
    : ServerConnection{server.host(), connection, "imap", server.nameOf(connection->remote().address)},
      server_{server},
      session_{imapServerConfig(server)} {}

ImapServerConnection::~ImapServerConnection() {
    if (observer_ != 0) server_.store().removeObserver(observer_);
}

void ImapServerConnection::engineStart() {
    // Registered after the engine's own observer, so the engine has queued its
    // untagged updates by the time this one sends them.
    observer_ = server_.store().addObserver([this](const mail::FolderChange& change) { onStoreChange(change); });
    session_.setTime(engineTime(host().simulator().now()));
}

void ImapServerConnection::engineReceive(std::string_view bytes) {
    busy_ = true;
    session_.setTime(engineTime(host().simulator().now()));
    session_.receive(bytes);
    busy_ = false;
}

void ImapServerConnection::engineEof() {
    busy_ = true;
    session_.receiveEof();
    busy_ = false;
}

void ImapServerConnection::engineTimeout() {
    busy_ = true;
    session_.handleTimeout(engineTime(host().simulator().now()));
    busy_ = false;
}

std::optional<Time> ImapServerConnection::engineDeadline() const {
    const auto deadline = session_.nextTimeout();
    return deadline ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt;
}

void ImapServerConnection::engineClosed() {
    server_.store().removeObserver(observer_);
    observer_ = 0;
    engineEof();
}

void ImapServerConnection::onStoreChange(const mail::FolderChange& change) {
    if (busy_ || closing() || change.user != session_.user()) return;
    pump();
}

bool ImapServerConnection::engineEvents() {
    bool closeWanted = false;
    for (;;) {
        imap::ServerEvent event = session_.nextEvent();
        if (std::holds_alternative<imap::server::NeedData>(event)) break;
        if (const auto* command = std::get_if<imap::server::CommandReceived>(&event)) {
            for (const auto& line : command->lines) conversation().clientLine(line);
        } else if (const auto* line = std::get_if<imap::server::ResponseSent>(&event)) {
            conversation().serverLine(line->line);
        } else if (const auto* copied = std::get_if<imap::server::MessagesCopied>(&event)) {
            server_.traceCopied(session_.user(), copied->from, copied->to, copied->uids);
        } else if (const auto* appended = std::get_if<imap::server::MessageAppended>(&event)) {
            server_.traceAppended(session_.user(), appended->mailbox, appended->uid);
        } else if (const auto* expunged = std::get_if<imap::server::MessagesExpunged>(&event)) {
            server_.traceExpunged(session_.user(), expunged->mailbox, expunged->uids);
        } else if (std::holds_alternative<imap::server::Closed>(event)) {
            closeWanted = true;
        }
    }
    return closeWanted;
}

}  // namespace netstage::apps
