#pragma once
// One outgoing SMTP session over simulated TCP: connects, runs the SMTP
// client engine over the items it was given, reports each item's outcome,
// and says when it is over. Used by user agents (submission) and by mail
// servers (relay).

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "protocols/smtp/client_session.hpp"
#include "simulator/apps/engine_connection.hpp"

namespace netstage::apps {

class SmtpClientConnection final : public ClientConnectionFor<smtp::ClientSession> {
public:
    struct Handlers {
        std::function<void(const smtp::ItemResult&)> onItemResult;
        // The session is over; `reached` says whether TCP ever connected.
        std::function<void(bool reached, const std::string& reason)> onFinished;
    };

    static std::shared_ptr<SmtpClientConnection> start(HostStack& host, Endpoint server, smtp::ClientConfig config,
                                                       std::vector<smtp::MailItem> items, Handlers handlers);
    SmtpClientConnection(HostStack& host, smtp::ClientConfig config, Handlers handlers);

    // One more item on this connection, as long as QUIT has not been sent
    // (RFC 5321 §3.3: any number of transactions per session); false
    // otherwise. Its result comes through onItemResult with the next item number.
    bool add(smtp::MailItem item);

private:
    void onEvent(smtp::ClientEvent& event) override;
    std::string closedOutcome() const override { return reached() ? "session closed" : "connection failed"; }
    void finished(bool ok, const std::string& outcome) override;

    Handlers handlers_;
};

}  // namespace netstage::apps
