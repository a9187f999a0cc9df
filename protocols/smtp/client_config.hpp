#pragma once
// How an SMTP client session is set up and what it is asked to deliver.

#include <chrono>
#include <string>
#include <vector>

namespace netstage::smtp {

enum class CommandStyle {
    Rfc,              // "MAIL FROM:<alice@crepes.fr>" (RFC 5321 §4.1.1.2)
    SpaceAfterColon,  // "MAIL FROM: <alice@crepes.fr>", as the lecture writes it
};

// RFC 5321 §4.5.3.2 client timeouts.
struct ClientTimeouts {
    std::chrono::nanoseconds greeting = std::chrono::minutes{5};
    std::chrono::nanoseconds mail = std::chrono::minutes{5};  // also HELO/EHLO, RSET, QUIT
    std::chrono::nanoseconds rcpt = std::chrono::minutes{5};
    std::chrono::nanoseconds dataInitiation = std::chrono::minutes{2};
    std::chrono::nanoseconds dataTermination = std::chrono::minutes{10};
};

struct ClientConfig {
    std::string heloDomain = "localhost";
    bool useEhlo = true;  // false sends HELO, as the lecture does
    CommandStyle style = CommandStyle::Rfc;
    ClientTimeouts timeouts;
};

struct MailItem {
    std::string reversePath;              // empty for the null path <> (bounces)
    std::vector<std::string> recipients;  // at least one
    std::string data;                     // the message; LF or CRLF line ends
};

}  // namespace netstage::smtp
