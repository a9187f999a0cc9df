#include "simulator/apps/imap_server_connection.hpp"

#include "simulator/apps/engine_wiring.hpp"
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
    : server_{server},
      connection_{std::move(connection)},
      session_{imapServerConfig(server)},
      conversation_{server.host().simulator(), server.host().node().network().tracer(), server.host().node().name(),
                    "imap", clientFirstName(*connection_),
                    server.nameOf(connection_->remote().address), server.host().node().name()},
      timer_{server.host().simulator(), [this] {
                 busy_ = true;
                 session_.handleTimeout(engineTime(server_.host().simulator().now()));
                 busy_ = false;
                 pump();
             }} {}

ImapServerConnection::~ImapServerConnection() {
    if (observer_ != 0) server_.store().removeObserver(observer_);
}

void ImapServerConnection::letGo() {
    connection_->setCallbacks({});
    timer_.stop();
    self_.reset();
}

void ImapServerConnection::start() {
    self_ = shared_from_this();
    tcp::TcpCallbacks callbacks;
    callbacks.onData = [this](std::span<const std::uint8_t> bytes) {
        busy_ = true;
        session_.setTime(engineTime(server_.host().simulator().now()));
        session_.receive(asText(bytes));
        busy_ = false;
        pump();
    };
    callbacks.onPeerClosed = [this] {
        busy_ = true;
        session_.receiveEof();
        busy_ = false;
        pump();
        connection_->close();
    };
    callbacks.onClosed = [this] {
        timer_.stop();
        server_.store().removeObserver(observer_);
        observer_ = 0;
        closing_ = true;
        busy_ = true;
        session_.receiveEof();
        busy_ = false;
        conversation_.close();
        auto keepAliveUntilReturn = std::move(self_);
    };
    connection_->setCallbacks(std::move(callbacks));
    // Registered after the engine's own observer, so the engine has queued its
    // untagged updates by the time this one sends them.
    observer_ = server_.store().addObserver([this](const mail::FolderChange& change) { onStoreChange(change); });
    conversation_.open();
    session_.setTime(engineTime(server_.host().simulator().now()));
    pump();
}

void ImapServerConnection::onStoreChange(const mail::FolderChange& change) {
    if (busy_ || closing_ || change.user != session_.user()) return;
    pump();
}

void ImapServerConnection::pump() {
    bool closeWanted = false;
    for (;;) {
        imap::ServerEvent event = session_.nextEvent();
        if (std::holds_alternative<imap::server::NeedData>(event)) break;
        if (const auto* command = std::get_if<imap::server::CommandReceived>(&event)) {
            for (const auto& line : command->lines) conversation_.clientLine(line);
        } else if (const auto* line = std::get_if<imap::server::ResponseSent>(&event)) {
            conversation_.serverLine(line->line);
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
    const std::string output = session_.takeOutput();
    if (!output.empty() && !closing_) connection_->send(output);
    if (closeWanted && !closing_) {
        closing_ = true;
        connection_->close();
    }
    const auto deadline = session_.nextTimeout();
    timer_.set(deadline && !closing_ ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt);
}

}  // namespace netstage::apps
