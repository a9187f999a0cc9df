#pragma once
// What the SMTP engines tell their host. Every command line, data line and
// reply line surfaces as an event carrying its text, so a transcript
// ("C: HELO crepes.fr" / "S: 250 ...") is printed from events, never by
// re-parsing bytes.

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace netstage::smtp {

// nextEvent() has nothing more until more bytes (or time) arrive.
struct NeedData {
    bool operator==(const NeedData&) const = default;
};

// The peer broke the protocol (or went silent). `code` is the reply the
// server sent for it (500, 501, 503, ...), 0 when no reply was sent.
struct ProtocolError {
    int code = 0;
    std::string what;
    std::string rawLine;
    bool operator==(const ProtocolError&) const = default;
};

// ---- server side ----

// Also a line that answers an AUTH challenge (a 334 reply): its verb is
// empty and its argument the whole line, since it is base64, not a command.
struct CommandReceived {
    std::string verb;      // the first word, upper-cased ("MAIL"), even if unknown
    std::string argument;  // "FROM: <alice@crepes.fr>"
    std::string rawLine;   // exactly as received, without the line ending
    bool operator==(const CommandReceived&) const = default;
};

// One line between 354 and the end of data, including the final "." line.
struct DataLineReceived {
    std::string rawLine;      // as on the wire (still dot-stuffed), without the line ending
    bool bareLf = false;      // ended by LF alone
    bool terminator = false;  // the "." that ended the message
    bool operator==(const DataLineReceived&) const = default;
};

struct ReplySent {
    int code = 0;
    std::vector<std::string> lines;  // as on the wire without CRLF: "250-...", "250 ..."
    bool operator==(const ReplySent&) const = default;
};

// What the policy is shown at the end of DATA (ServerPolicy::acceptMessage).
struct Envelope {
    std::string clientDomain;  // from HELO/EHLO
    bool esmtp = false;        // EHLO rather than HELO
    std::string reversePath;   // empty for the null path <>
    std::vector<std::string> recipients;
    std::string authenticatedUser;  // who AUTH proved the client to be; empty without AUTH
    bool operator==(const Envelope&) const = default;
};

// Whether the server closed is ServerSession::closed(); whether it kept a
// message is the host's own answer to ServerPolicy::acceptMessage.
using ServerEvent = std::variant<NeedData, CommandReceived, DataLineReceived, ReplySent, ProtocolError>;

// ---- client side ----

enum class Outcome {
    Accepted,          // 2xx
    TemporaryFailure,  // 4xx, 421, lost connection before DATA, timeout: try again later
    PermanentFailure,  // 5xx: bounce
    Unknown,           // the connection died after the message was sent but before the reply
};

struct CommandSent {
    std::string line;  // without CRLF
    bool operator==(const CommandSent&) const = default;
};

struct DataLineSent {
    std::string line;  // as sent, dot-stuffed, without CRLF
    bool terminator = false;
    bool operator==(const DataLineSent&) const = default;
};

struct ReplyReceived {
    int code = 0;
    std::vector<std::string> lines;  // as received, without line endings
    bool operator==(const ReplyReceived&) const = default;
};

// The final word on one recipient of one queued item.
struct RecipientResult {
    std::size_t item = 0;  // index in the order items were enqueued
    std::string recipient;
    Outcome outcome = Outcome::Unknown;
    int code = 0;  // the deciding reply; 0 if there was none (connection lost, timeout)
    std::vector<std::string> lines;
    bool operator==(const RecipientResult&) const = default;
};

// The final word on one queued item, after its RecipientResults. Accepted
// means the message went to at least one recipient.
struct ItemResult {
    std::size_t item = 0;
    Outcome outcome = Outcome::Unknown;
    int code = 0;
    std::vector<std::string> lines;
    std::vector<std::string> acceptedRecipients;
    std::string reason;  // plain words for the trace: "recipient refused", "connection lost", ...
    bool operator==(const ItemResult&) const = default;
};

// Every item has its ItemResult; nothing more will happen (closed() is true).
struct Done {
    bool operator==(const Done&) const = default;
};

using ClientEvent =
    std::variant<NeedData, CommandSent, DataLineSent, ReplyReceived, RecipientResult, ItemResult, ProtocolError, Done>;

}  // namespace netstage::smtp
