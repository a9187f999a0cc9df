#pragma once
// A mail server's webmail: the WebmailSite (protocols/webmail) over the
// server's own mail store, listening on a TCP port (80), each accepted
// connection an HTTP server engine. A message sent from the compose form goes
// where a message submitted over SMTP goes: into local mailboxes, or into the
// outgoing queue, from which SMTP pushes it to the recipient's server.

#include <cstdint>
#include <memory>
#include <string>

#include "protocols/webmail/webmail_site.hpp"
#include "simulator/apps/session_keeper.hpp"
#include "simulator/core/random.hpp"

namespace netstage::apps {

class MailServer;

class WebmailApp {
public:
    WebmailApp(MailServer& server, std::uint16_t port, std::uint64_t seed);
    ~WebmailApp();
    WebmailApp(const WebmailApp&) = delete;
    WebmailApp& operator=(const WebmailApp&) = delete;

    webmail::WebmailSite& site() { return site_; }

private:
    std::string newToken();
    std::string submit(const webmail::Submission& submission);

    MailServer& server_;
    RandomStream tokens_;
    std::uint64_t composed_ = 0;
    webmail::WebmailSite site_;
    SessionKeeper sessions_;  // last: connections still open go first
};

}  // namespace netstage::apps
