#pragma once
// What a browser does for one thing its user asks of a webmail site (sign in,
// open the inbox, read a message, send one, sign out), sans-IO: the requests
// to write on one persistent connection, and, as each response comes, the
// requests it calls for. A browser follows a redirect with a GET, keeps the
// session cookie a response sets and sends it back, and fetches every object
// a page references (its stylesheet, its images) with a GET of its own.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "protocols/http/client_events.hpp"
#include "protocols/http/client_session.hpp"

namespace netstage::webmail {

struct BrowserAction {
    enum class Kind { Login, OpenInbox, Read, Send, Logout } kind = Kind::OpenInbox;
    std::string user;  // Login
    std::string password;
    std::size_t number = 0;  // Read
    std::vector<std::string> to;  // Send
    std::string subject;
    std::string body;
};

// "login", "inbox", "read 2", "send", "logout": how traces and summaries name an action.
std::string describe(const BrowserAction& action);

class BrowserVisit {
public:
    // `cookie` is the session cookie the browser holds from earlier visits ("" for none).
    BrowserVisit(BrowserAction action, std::string cookie);

    // The requests to write first.
    std::vector<http::ClientRequest> start();
    // A response to one of the requests; returns the requests it calls for.
    std::vector<http::ClientRequest> onResponse(const http::client::ResponseReceived& response);
    // A request that will get no response (the connection ended).
    void onFailure(std::string reason);

    // Every request written has been answered, and none is left to write.
    bool done() const { return outstanding_ == 0; }
    // Whether the user got what was asked: the page the action ends on, and its status.
    bool succeeded() const;
    std::string outcome() const;
    const std::string& cookie() const { return cookie_; }
    std::size_t responses() const { return responses_; }

private:
    http::ClientRequest get(std::string target);
    http::ClientRequest post(std::string target, std::string form);
    std::vector<http::ClientRequest> counted(std::vector<http::ClientRequest> requests);

    BrowserAction action_;
    std::string cookie_;
    std::size_t outstanding_ = 0;
    std::size_t responses_ = 0;
    int redirects_ = 0;
    // The last page (an HTML response that is not a redirect): where the user ended up.
    std::string pageTarget_;
    int pageStatus_ = 0;
    std::string pageReason_;
    std::optional<std::string> failure_;
};

}  // namespace netstage::webmail
