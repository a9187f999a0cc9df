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
#include "simulator/apps/client_connection.hpp"

namespace netstage::apps {

class SmtpClientConnection final : public ClientConnection {
public:
    struct Handlers {
        std::function<void(const smtp::ItemResult&)> onItemResult;
        // The session is over; `reached` says whether TCP ever connected.
        std::function<void(bool reached, const std::string& reason)> onFinished;
    };

    static std::shared_ptr<SmtpClientConnection> start(HostStack& host, Endpoint server, smtp::ClientConfig config,
                                                       std::vector<smtp::MailItem> items, Handlers handlers);
    SmtpClientConnection(HostStack& host, smtp::ClientConfig config, Handlers handlers);

private:
    void engineStart() override;
    void engineReceive(std::string_view bytes) override;
    void engineEof() override { session_.receiveEof(); }
    void engineTimeout() override;
    bool engineEvents() override;
    std::string engineOutput() override { return session_.takeOutput(); }
    std::optional<Time> engineDeadline() const override;
    std::string closedOutcome() const override { return reached() ? "session closed" : "connection failed"; }
    void finished(bool ok, const std::string& outcome) override;

    smtp::ClientSession session_;
    Handlers handlers_;
};

}  // namespace netstage::apps
