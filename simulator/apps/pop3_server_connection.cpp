#include "simulator/apps/pop3_server_connection.hpp"

#include "simulator/apps/mail_clock.hpp"
#include "simulator/apps/mail_server.hpp"

namespace netstage::apps {

Pop3ServerConnection::Pop3ServerConnection(MailServer& server, Pop3Maildrops& maildrops,
                                           std::shared_ptr<tcp::TcpConnection> connection)
    : ServerConnection{server.host(), connection, "pop3", server.nameOf(connection->remote().address)},
      maildrops_{maildrops},
      session_{maildrops, server.config().pop3} {}

void Pop3ServerConnection::engineStart() { session_.start(engineTime(host().simulator().now())); }

void Pop3ServerConnection::engineReceive(std::string_view bytes) {
    session_.receive(bytes, engineTime(host().simulator().now()));
}

void Pop3ServerConnection::engineTimeout() { session_.handleTimeout(engineTime(host().simulator().now())); }

std::optional<Time> Pop3ServerConnection::engineDeadline() const {
    const auto deadline = session_.nextTimeout();
    return deadline ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt;
}

bool Pop3ServerConnection::engineEvents() {
    bool closeWanted = false;
    for (;;) {
        pop3::ServerEvent event = session_.nextEvent();
        if (std::holds_alternative<pop3::NeedData>(event)) break;
        if (const auto* command = std::get_if<pop3::CommandReceived>(&event)) {
            conversation().clientLine(command->rawLine);
        } else if (const auto* line = std::get_if<pop3::ReplyLineSent>(&event)) {
            conversation().serverLine(line->line);
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
    return closeWanted;
}

}  // namespace netstage::apps
