#pragma once
// A user agent reading its mailbox with IMAP over simulated TCP: the scripted
// IMAP client engine (list folders, select, read, move, IDLE) on a TCP
// connection to port 143. What the script finds is reported through handlers.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "protocols/imap/client_session.hpp"
#include "simulator/apps/host_stack.hpp"

namespace netstage::apps {

class ImapClientConnection : public std::enable_shared_from_this<ImapClientConnection> {
public:
    struct Handlers {
        std::function<void(const std::vector<std::string>& folders)> onFolders;
        std::function<void(std::uint32_t sequence, std::uint32_t uid, const std::string& header)> onHeaders;
        std::function<void(std::uint32_t sequence, std::uint32_t uid, const std::string& content)> onMessage;
        std::function<void(std::uint32_t exists)> onNewMessage;  // pushed by the server during IDLE
        std::function<void(bool ok, const std::string& outcome)> onFinished;
    };

    // Throws std::invalid_argument if the user name or password holds CR or LF.
    static std::shared_ptr<ImapClientConnection> start(HostStack& host, Endpoint server, imap::ClientConfig config,
                                                       Handlers handlers);
    ImapClientConnection(HostStack& host, imap::ClientConfig config, Handlers handlers);

private:
    void connect(Endpoint server);
    void pump();
    void finish(bool ok, const std::string& outcome);

    HostStack& host_;
    imap::ClientSession session_;
    Handlers handlers_;
    std::shared_ptr<tcp::TcpConnection> connection_;
    std::shared_ptr<ImapClientConnection> self_;
    bool finished_ = false;
};

}  // namespace netstage::apps
