#pragma once
// A user agent reading its mailbox with POP3 over simulated TCP.

#include <functional>
#include <memory>
#include <string>

#include "protocols/pop3/client_session.hpp"
#include "simulator/apps/engine_connection.hpp"

namespace netstage::apps {

class Pop3ClientConnection final : public ClientConnectionFor<pop3::ClientSession> {
public:
    struct Handlers {
        std::function<void(std::size_t number, const std::string& content)> onMessage;
        std::function<void(bool ok, const std::string& outcome)> onFinished;
    };

    static std::shared_ptr<Pop3ClientConnection> start(HostStack& host, Endpoint server, pop3::ClientConfig config,
                                                       Handlers handlers);
    Pop3ClientConnection(HostStack& host, pop3::ClientConfig config, Handlers handlers);

private:
    void onEvent(pop3::ClientEvent& event) override;
    std::string closedOutcome() const override { return "connection closed"; }
    void finished(bool ok, const std::string& outcome) override;

    Handlers handlers_;
};

}  // namespace netstage::apps
