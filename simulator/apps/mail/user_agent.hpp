#pragma once
// A user's mail program: composes messages and submits them over SMTP to the
// user's own mail server; reads mail with POP3 into a local store, or with
// IMAP, where the messages and their folders stay on the server.

#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "protocols/imap/client_session.hpp"
#include "protocols/mail/mime_compose.hpp"
#include "protocols/webmail/browser_visit.hpp"
#include "protocols/smtp/client_config.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/session_keeper.hpp"

namespace netstage::apps {

struct UserAgentConfig {
    std::string label;     // "Alice's user agent" in traces; defaults to the host name
    std::string address;   // alice@crepes.fr
    std::string user;      // login on the server
    std::string password;
    Ipv4Address server;    // the user's own mail server
    smtp::ClientConfig smtp;
};

struct OutgoingMessage {
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::string subject;
    std::string body;
    bool headers = true;  // false: only the body lines, as typed at a telnet prompt
    std::vector<std::string> bcc;  // in the envelope only: a Bcc field is never sent
    // Fields written as given, replacing the agent's own field of that name
    // (From, To, Cc, Subject, Date, Message-ID) or added after them.
    std::vector<std::pair<std::string, std::string>> headerFields;
    std::optional<std::string> envelopeFrom;  // MAIL FROM; the agent's address by default
    std::vector<std::string> envelopeTo;      // RCPT TO; To, Cc and Bcc by default
    std::vector<mime::Attachment> attachments;
    bool eightBit = false;  // non-ASCII text as 8bit (the server must offer 8BITMIME)
    bool mime = false;      // compose with MIME (mime_compose) rather than as plain RFC 5322 text

    std::vector<std::string> recipients() const;
};

class UserAgent {
public:
    UserAgent(HostStack& host, UserAgentConfig config);
    ~UserAgent();

    // Composes and submits now.
    void send(const OutgoingMessage& message);
    // Reads the mailbox with POP3 now (download-and-delete unless `keep`).
    void readPop3(bool keep, bool lowerCase = true);
    // Runs an IMAP script on the server now (port 143); LOGOUT is added if missing.
    void readImap(std::vector<imap::ClientAction> script);
    // Visits the server's webmail with a browser now (one connection to `port`),
    // keeping the session cookie for the next visit.
    void webmail(const webmail::BrowserAction& action, std::uint16_t port);

    const UserAgentConfig& config() const { return config_; }
    HostStack& host() { return host_; }
    // Messages downloaded so far (POP3), in order.
    const std::vector<std::string>& localStore() const { return localStore_; }
    void keepDownloaded(std::string content);

    // An action that did not do what the scenario asked, in plain words, for
    // the run's summary: `what` is "message \"Ketchup\" not sent", "POP3
    // download failed", ...; `reason` says why.
    struct Failure {
        std::string what;
        std::string reason;
    };
    const std::vector<Failure>& failures() const { return failures_; }

    void traceMail(const std::string& type, trace::Fields fields);

private:
    std::string compose(const OutgoingMessage& message);
    std::string composeMime(const OutgoingMessage& message, const std::string& date, const std::string& messageId);

    HostStack& host_;
    UserAgentConfig config_;
    std::vector<std::string> localStore_;
    std::vector<Failure> failures_;
    std::uint64_t sent_ = 0;
    std::string webmailCookie_;  // the browser's cookie jar: one site, one cookie
    SessionKeeper sessions_;  // last: sessions still open when the agent goes are freed first
};

}  // namespace netstage::apps
