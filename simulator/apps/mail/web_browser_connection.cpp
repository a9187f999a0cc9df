#include "simulator/apps/mail/web_browser_connection.hpp"

namespace netstage::apps {

namespace {

http::ClientConfig browserConfig(std::string hostName) {
    http::ClientConfig config;
    config.host = std::move(hostName);
    config.userAgent = "NetStage browser";
    return config;
}

}  // namespace

std::shared_ptr<WebBrowserConnection> WebBrowserConnection::start(HostStack& host, Endpoint server, std::string hostName,
                                                                  webmail::BrowserVisit visit, Finished onFinished) {
    auto connection =
        std::make_shared<WebBrowserConnection>(host, std::move(hostName), std::move(visit), std::move(onFinished));
    connection->connect(server, connection);
    return connection;
}

WebBrowserConnection::WebBrowserConnection(HostStack& host, std::string hostName, webmail::BrowserVisit visit,
                                           Finished onFinished)
    : ClientConnectionFor{host, browserConfig(std::move(hostName))},
      visit_{std::move(visit)},
      onFinished_{std::move(onFinished)} {
    // Queued now, written as soon as TCP connects.
    for (auto& request : visit_.start()) engine().request(std::move(request), now());
}

void WebBrowserConnection::onEvent(http::client::ClientEvent& event) {
    if (const auto* response = std::get_if<http::client::ResponseReceived>(&event)) {
        for (auto& request : visit_.onResponse(*response)) engine().request(std::move(request), now());
        if (visit_.done()) {
            engine().finish();
            finish(visit_.succeeded(), visit_.outcome());
        }
    } else if (const auto* failed = std::get_if<http::client::RequestFailed>(&event)) {
        visit_.onFailure(failed->method + " " + failed->target + ": " + failed->reason);
        if (visit_.done()) finish(false, visit_.outcome());
    } else if (const auto* error = std::get_if<http::client::ProtocolError>(&event)) {
        visit_.onFailure(error->reason);
    }
}

void WebBrowserConnection::finished(bool ok, const std::string& outcome) {
    if (onFinished_) onFinished_(visit_, reached(), ok || visit_.responses() > 0 ? visit_.outcome() : outcome);
}

}  // namespace netstage::apps
