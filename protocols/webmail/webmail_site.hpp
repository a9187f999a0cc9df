#pragma once
// A webmail application: the third way to reach a mailbox, beside POP3 and
// IMAP, over HTTP. It is an http::RequestHandler over the same mail store,
// sans-IO like the engines: what it needs of its host (passwords, fresh
// session tokens, handing a message to the outgoing mail) comes in as hooks.
//
//   GET  /             the login form
//   POST /login        user, password -> 303 to /inbox with a session cookie, or 403 and the form again
//   GET  /inbox        the user's INBOX, newest last; references /style.css and /logo.png
//   GET  /message/N    message N of that list (404 if the user has no such message)
//   GET  /compose      the compose form
//   POST /send         to, subject, body -> handed to the host's submission hook, 303 to /inbox
//   POST /logout       the session ends; 303 to /
//   GET  /style.css, /logo.png
//
// A page that needs a session, asked for without one (no cookie, a token
// never given or already ended), is a 303 to the login form. A session
// belongs to one user and shows only that user's mailbox: a message number is
// always looked up in the session's own INBOX.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/http/request_handler.hpp"
#include "protocols/mail/mail_store.hpp"

namespace netstage::webmail {

inline constexpr std::string_view kSessionCookie = "session";

struct Submission {
    std::string user;  // the local part of the sender, whose session sent it
    std::vector<std::string> to;
    std::string subject;
    std::string body;
    std::string client;  // who sent the request, as the host named it (for the Received field)
};

struct SiteHooks {
    std::function<bool(std::string_view user, std::string_view password)> checkPassword;
    // A new session token nobody can guess: the host draws it from a random stream.
    std::function<std::string()> newToken;
    // Hands the message on for delivery; returns "" when accepted, or why not.
    std::function<std::string(const Submission&)> submit;
};

class WebmailSite final : public http::RequestHandler {
public:
    // `store` and the hooks must outlive the site.
    WebmailSite(mail::MailStore& store, std::string domain, SiteHooks hooks);

    http::Response handle(http::Request request) override;
    // The same, from a client the host can name ("hamburger.edu"): the name goes with a submitted message.
    http::Response handle(http::Request request, std::string_view client);

    // Whose session a token is, if it is one.
    std::optional<std::string> userOf(std::string_view token) const;
    std::size_t sessionCount() const { return sessions_.size(); }

private:
    http::Response login(const http::Request& request);
    http::Response inbox(const std::string& user);
    http::Response message(const std::string& user, std::string_view number);
    http::Response send(const std::string& user, const http::Request& request, std::string_view client);
    std::optional<std::string> sessionUser(const http::Request& request) const;
    std::string address(const std::string& user) const { return user + "@" + domain_; }

    mail::MailStore& store_;
    std::string domain_;
    SiteHooks hooks_;
    std::map<std::string, std::string, std::less<>> sessions_;  // token -> user
};

// "alice@crepes.fr, bob@hamburger.edu" -> each address; nothing if any is not local@domain.
std::optional<std::vector<std::string>> parseRecipients(std::string_view text);

}  // namespace netstage::webmail
