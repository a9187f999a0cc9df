#pragma once
// What a user agent writes (RFC 5322 §3.6) and what an MTA adds on the way
// (trace fields, RFC 5321 §4.4). Dates are computed from a number handed in,
// never from a clock, so the same scenario always writes the same bytes.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/mail/message.hpp"

namespace netstage::mail {

struct ComposeOptions {
    std::string from;                // "Alice <alice@crepes.fr>" or "alice@crepes.fr"
    std::vector<std::string> to;
    std::vector<std::string> cc;     // the Cc field is left out when empty
    std::string subject;
    std::string date;                // already formatted, see formatRfc5322Date
    std::string messageId;           // angle brackets are added when missing; left out when empty
    std::string body;                // lines may end in LF or CRLF; stored with CRLF
};

// From, To, Cc, Subject, Date, Message-ID in that order. Without MIME a
// message is 7-bit US-ASCII (RFC 5322 §2.1, RFC 5321 §2.4), so any octet above
// 127, a NUL, a bare CR or a line over 998 octets is refused with an error
// whose offset points into the offending option (the message names which).
Result<InternetMessage> composeMessage(const ComposeOptions& options);

// "Fri, 27 Nov 2026 12:35:19 +0000" (RFC 5322 §3.3), always in UTC.
std::string formatRfc5322Date(std::int64_t unixSeconds);

struct ReceivedInfo {
    std::string fromDomain;       // what the client said in HELO/EHLO
    std::string byDomain;         // the receiving server
    std::string with = "SMTP";    // "SMTP" after HELO, "ESMTP" after EHLO (RFC 3848)
    std::string id;               // left out when empty
    std::string recipient;        // "for <...>" clause; left out when empty
    std::string date;             // formatted date
};

// "Received: from crepes.fr by hamburger.edu with SMTP id 1\r\n\tfor <bob@hamburger.edu>; <date>"
HeaderField makeReceivedHeader(const ReceivedInfo& info);

// "Return-Path: <alice@crepes.fr>", or "<>" for the null reverse-path.
HeaderField makeReturnPath(std::string_view reversePath);

// Puts a field on top of raw message text. This works on text that does not
// parse as RFC 5322 (a telnet user who typed no header fields), which is why
// an MTA uses this rather than parse-prepend-serialize.
std::string prependField(std::string_view messageText, const HeaderField& field);
std::string prependReceived(std::string_view messageText, const ReceivedInfo& info);

}  // namespace netstage::mail
