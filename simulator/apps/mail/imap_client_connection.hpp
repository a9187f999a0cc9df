#pragma once
// A user agent reading its mailbox with IMAP over simulated TCP: the scripted
// IMAP client engine (list folders, select, read, move, IDLE) on a TCP
// connection to port 143. What the script finds is reported through handlers.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "protocols/imap/client_session.hpp"
#include "simulator/apps/engine_connection.hpp"

namespace netstage::apps {

class ImapClientConnection final : public ClientConnectionFor<imap::ClientSession> {
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
    void onEvent(imap::ClientEvent& event) override;
    std::string closedOutcome() const override { return "connection closed"; }
    void finished(bool ok, const std::string& outcome) override;

    Handlers handlers_;
};

}  // namespace netstage::apps
