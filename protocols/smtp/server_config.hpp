#pragma once
// How an SMTP server session is set up, and the decisions it leaves to its
// host (who exists, whether a message is stored) as plain synchronous calls.

#include <chrono>
#include <cstddef>
#include <string>

#include "protocols/smtp/events.hpp"

namespace netstage::smtp {

// Reply texts are templates: {domain} is the server's domain, {client} the
// HELO/EHLO argument, {address} the path of MAIL/RCPT. The defaults are plain
// RFC 5321 wording; a scenario may set the lecture's own words.
struct ReplyTexts {
    std::string greeting = "{domain} ESMTP Service ready";
    std::string helo = "{domain} Hello {client}";
    std::string ehlo = "{domain} Hello {client}";
    std::string mailOk = "Sender <{address}> ok";
    std::string rcptOk = "Recipient <{address}> ok";
    std::string dataStart = "End data with <CR><LF>.<CR><LF>";
    std::string messageAccepted = "Message accepted for delivery";
    std::string quit = "{domain} Service closing transmission channel";
    std::string shutdown = "{domain} Service not available, closing transmission channel";
};

struct ServerLimits {
    std::size_t commandLine = 512;        // RFC 5321 §4.5.3.1.4, including CRLF
    std::size_t textLine = 1000;          // §4.5.3.1.6, including CRLF
    std::size_t maxMessageSize = 10 * 1024 * 1024;  // advertised as SIZE
    std::size_t maxRecipients = 100;      // §4.5.3.1.8 minimum
    std::chrono::nanoseconds idleTimeout = std::chrono::minutes{5};  // §4.5.3.2.7
};

struct ServerConfig {
    std::string domain = "localhost";
    ReplyTexts texts;
    ServerLimits limits;
    // The engine passes every octet of DATA through untouched, so it can
    // honestly offer 8BITMIME (RFC 6152) and PIPELINING (RFC 2920).
    bool advertise8BitMime = true;
    bool advertisePipelining = true;
    // AUTH PLAIN and LOGIN (RFC 4954, RFC 4616): advertised in EHLO and
    // accepted only when on; otherwise AUTH gets 502 as before.
    bool offerAuth = false;
    // Message submission (RFC 6409 §4.3, port 587): MAIL before a successful
    // AUTH gets "530 Authentication required".
    bool requireAuth = false;
};

// A reply the host chose. An empty text means "the engine's usual wording
// for this code".
struct Decision {
    int code = 250;
    std::string text;
};

class ServerPolicy {
public:
    virtual ~ServerPolicy() = default;
    // 250 to accept; 550/553 permanent refusals; 450/451 temporary.
    virtual Decision checkSender(const std::string& reversePath);
    // AUTH (RFC 4954): 235 when `user` with `password` may submit mail, 535
    // when not, 454 for a temporary failure. Asked only when offerAuth is on;
    // refuses everyone unless the host says otherwise.
    virtual Decision authenticate(const std::string& user, const std::string& password);
    // 250/251 to accept; 550 unknown user, 551, 553; 450/451/452 temporary.
    virtual Decision checkRecipient(const std::string& address) = 0;
    // 250 to accept (the host has stored the message); 451/452/552/554 otherwise.
    virtual Decision acceptMessage(const Envelope& envelope, const std::string& data) = 0;
};

// Says yes to everything; what a session uses when the host gives no policy.
class AcceptAllPolicy final : public ServerPolicy {
public:
    Decision checkRecipient(const std::string& address) override;
    Decision acceptMessage(const Envelope& envelope, const std::string& data) override;
};

}  // namespace netstage::smtp
