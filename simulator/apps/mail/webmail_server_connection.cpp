#include "simulator/apps/mail/webmail_server_connection.hpp"

#include "protocols/http/transcript_lines.hpp"
#include "simulator/apps/mail/mail_server.hpp"

namespace netstage::apps {

namespace {

http::ServerConfig webmailServerConfig(const MailServer& server) {
    http::ServerConfig config;
    config.serverName = server.config().domain + " webmail";
    return config;
}

}  // namespace

WebmailServerConnection::WebmailServerConnection(MailServer& server, webmail::WebmailSite& site,
                                                 std::shared_ptr<tcp::TcpConnection> connection)
    : WebmailRequests{site, server.nameOf(connection->remote().address)},
      ServerConnectionFor{server.host(), connection, "http", server.nameOf(connection->remote().address),
                          static_cast<http::RequestHandler&>(*this), webmailServerConfig(server)} {}

void WebmailServerConnection::onEvent(http::ServerEvent& event) {
    if (const auto* request = std::get_if<http::RequestReceived>(&event)) {
        for (const auto& line : http::transcriptLines(*request)) conversation().clientLine(line);
    } else if (const auto* response = std::get_if<http::ResponseSent>(&event)) {
        for (const auto& line : http::transcriptLines(*response)) conversation().serverLine(line);
    }
}

}  // namespace netstage::apps
