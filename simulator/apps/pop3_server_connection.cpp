#include "simulator/apps/pop3_server_connection.hpp"

#include "simulator/apps/engine_wiring.hpp"
#include "simulator/apps/mail_clock.hpp"
#include "simulator/apps/mail_server.hpp"

namespace netstage::apps {

Pop3ServerConnection::Pop3ServerConnection(MailServer& server, Pop3Maildrops& maildrops,
                                           std::shared_ptr<tcp::TcpConnection> connection)
    : server_{server},
      maildrops_{maildrops},
      connection_{std::move(connection)},
      session_{maildrops, server.config().pop3},
      conversation_{server.host().simulator(), server.host().node().network().tracer(), server.host().node().name(),
                    "pop3", clientFirstName(*connection_),
                    server.nameOf(connection_->remote().address), server.host().node().name()},
      timer_{server.host().simulator(), [this] {
                 session_.handleTimeout(engineTime(server_.host().simulator().now()));
                 pump();
             }} {}

void Pop3ServerConnection::letGo() {
    connection_->setCallbacks({});
    timer_.stop();
    self_.reset();
}

void Pop3ServerConnection::start() {
    self_ = shared_from_this();
    connection_->setCallbacks(serverSessionCallbacks(session_, server_.host(), *connection_, [this] { pump(); }, [this] {
        timer_.stop();
        session_.receiveEof();
        conversation_.close();
        auto keepAliveUntilReturn = std::move(self_);
    }));
    conversation_.open();
    session_.start(engineTime(server_.host().simulator().now()));
    pump();
}

void Pop3ServerConnection::pump() {
    bool closeWanted = false;
    for (;;) {
        pop3::ServerEvent event = session_.nextEvent();
        if (std::holds_alternative<pop3::NeedData>(event)) break;
        if (const auto* command = std::get_if<pop3::CommandReceived>(&event)) {
            conversation_.clientLine(command->rawLine);
        } else if (const auto* line = std::get_if<pop3::ReplyLineSent>(&event)) {
            conversation_.serverLine(line->line);
        } else if (const auto* login = std::get_if<pop3::LoginSucceeded>(&event)) {
            user_ = login->user;
        } else if (const auto* retrieved = std::get_if<pop3::MessageRetrieved>(&event)) {
            if (!retrieved->topOnly) maildrops_.retrieved(user_, retrieved->number);
        } else if (std::holds_alternative<pop3::DeletesCommitted>(event)) {
            maildrops_.traceDeletions(user_);
        } else if (std::holds_alternative<pop3::CloseRequested>(event)) {
            closeWanted = true;
        }
    }
    const std::string output = session_.takeOutput();
    if (!output.empty()) connection_->send(output);
    if (closeWanted && !closing_) {
        closing_ = true;
        connection_->close();
    }
    const auto deadline = session_.nextTimeout();
    timer_.set(deadline && !closing_ ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt);
}

}  // namespace netstage::apps
