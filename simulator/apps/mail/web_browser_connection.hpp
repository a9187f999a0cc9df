#pragma once
// A browser on a user's host visiting its webmail: the HTTP client engine on
// one persistent TCP connection, writing what a BrowserVisit
// (protocols/webmail) asks for, one request after another's response, and
// closing when the visit is over.

#include <functional>
#include <memory>
#include <string>

#include "protocols/http/client_session.hpp"
#include "protocols/webmail/browser_visit.hpp"
#include "simulator/apps/engine_connection.hpp"

namespace netstage::apps {

class WebBrowserConnection final : public ClientConnectionFor<http::ClientSession> {
public:
    // Called once, with the visit as it ended.
    using Finished = std::function<void(const webmail::BrowserVisit& visit, bool reached, const std::string& outcome)>;

    static std::shared_ptr<WebBrowserConnection> start(HostStack& host, Endpoint server, std::string hostName,
                                                       webmail::BrowserVisit visit, Finished onFinished);
    WebBrowserConnection(HostStack& host, std::string hostName, webmail::BrowserVisit visit, Finished onFinished);

private:
    void onEvent(http::client::ClientEvent& event) override;
    std::string closedOutcome() const override { return "connection closed"; }
    void finished(bool ok, const std::string& outcome) override;

    webmail::BrowserVisit visit_;
    Finished onFinished_;
};

}  // namespace netstage::apps
