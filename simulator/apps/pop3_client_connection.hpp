#pragma once
// A user agent reading its mailbox with POP3 over simulated TCP.

#include <functional>
#include <memory>

#include "protocols/pop3/client_session.hpp"
#include "simulator/apps/engine_timer.hpp"
#include "simulator/apps/host_stack.hpp"

namespace netstage::apps {

class Pop3ClientConnection : public std::enable_shared_from_this<Pop3ClientConnection> {
public:
    struct Handlers {
        std::function<void(std::size_t number, const std::string& content)> onMessage;
        std::function<void(bool ok, const std::string& outcome)> onFinished;
    };

    static std::shared_ptr<Pop3ClientConnection> start(HostStack& host, Endpoint server, pop3::ClientConfig config,
                                                       Handlers handlers);
    Pop3ClientConnection(HostStack& host, pop3::ClientConfig config, Handlers handlers);

private:
    void connect(Endpoint server);
    void pump();
    void finish(bool ok, const std::string& outcome);

    HostStack& host_;
    pop3::ClientSession session_;
    Handlers handlers_;
    std::shared_ptr<tcp::TcpConnection> connection_;
    std::shared_ptr<Pop3ClientConnection> self_;
    EngineTimer timer_;
    bool finished_ = false;
};

}  // namespace netstage::apps
