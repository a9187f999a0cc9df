#include "simulator/apps/mail/pop3_server_connection.hpp"

#include "simulator/apps/mail/mail_server.hpp"

namespace netstage::apps {

Pop3ServerConnection::Pop3ServerConnection(MailServer& server, Pop3Maildrops& maildrops,
                                           std::shared_ptr<tcp::TcpConnection> connection)
    : ServerConnectionFor{server.host(), connection, "pop3", server.nameOf(connection->remote().address), maildrops,
                          server.config().pop3},
      maildrops_{maildrops} {}

void Pop3ServerConnection::onEvent(pop3::ServerEvent& event) {
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
    }
}

}  // namespace netstage::apps
