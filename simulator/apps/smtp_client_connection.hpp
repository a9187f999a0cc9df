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
#include "simulator/apps/engine_timer.hpp"
#include "simulator/apps/host_stack.hpp"

namespace netstage::apps {

class SmtpClientConnection : public std::enable_shared_from_this<SmtpClientConnection> {
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
    void connect(Endpoint server);
    void pump();
    void finish(const std::string& reason);

    HostStack& host_;
    smtp::ClientSession session_;
    Handlers handlers_;
    std::shared_ptr<tcp::TcpConnection> connection_;
    std::shared_ptr<SmtpClientConnection> self_;  // alive until finished
    EngineTimer timer_;
    bool reached_ = false;
    bool finished_ = false;
};

}  // namespace netstage::apps
