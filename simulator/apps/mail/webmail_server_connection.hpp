#pragma once
// One incoming HTTP connection to a mail server's webmail: the HTTP server
// engine on an accepted TCP connection, answering from the WebmailSite, with
// each request and response recorded in the trace as C:/S: lines (start line,
// header fields, the body summarised).

#include <memory>
#include <string>

#include "protocols/http/server_session.hpp"
#include "protocols/webmail/webmail_site.hpp"
#include "simulator/apps/engine_connection.hpp"

namespace netstage::apps {

class MailServer;

// The site, told which host each request came from (the Received field of a
// message sent). A base of the connection, listed first, so it exists before
// the engine that holds a reference to it.
class WebmailRequests : public http::RequestHandler {
public:
    WebmailRequests(webmail::WebmailSite& site, std::string client) : site_{site}, client_{std::move(client)} {}
    http::Response handle(http::Request request) override { return site_.handle(std::move(request), client_); }

private:
    webmail::WebmailSite& site_;
    std::string client_;
};

class WebmailServerConnection final : private WebmailRequests, public ServerConnectionFor<http::ServerSession> {
public:
    WebmailServerConnection(MailServer& server, webmail::WebmailSite& site, std::shared_ptr<tcp::TcpConnection> connection);

private:
    void onEvent(http::ServerEvent& event) override;
};

}  // namespace netstage::apps
