#pragma once
// What a POP3 server session reports. The transcript, the trace and the
// sequence chart are written from these, never by re-parsing bytes.

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace netstage::pop3 {

// nextEvent() has nothing more until more input, a timeout or EOF arrives.
struct NeedData {};

struct CommandReceived {
    std::string verb;      // upper case as the table spells it ("RETR"), or as sent if unknown
    std::string argument;  // the rest of the line, leading spaces removed
    std::string rawLine;   // exactly as received, without CRLF
};

// One line the server sent, without CRLF: "+OK", "1 498", ".", a stuffed message line.
struct ReplyLineSent {
    std::string line;
};

struct LoginSucceeded {
    std::string user;
    std::size_t messages = 0;
};

struct LoginFailed {
    std::string user;
    std::string reason;  // "bad credentials" or "maildrop locked"
};

struct MessageRetrieved {
    std::size_t number = 0;  // 1-based
    std::size_t octets = 0;
    bool topOnly = false;    // TOP rather than RETR
};

struct MessageMarkedDeleted {
    std::size_t number = 0;
};

// UPDATE state: these messages (1-based) were handed to Maildrop::commitDeletes.
struct DeletesCommitted {
    std::vector<std::size_t> numbers;
};

// The maildrop lock was dropped; `afterQuit` false means the connection ended
// or timed out in TRANSACTION and nothing was deleted.
struct MaildropReleased {
    bool afterQuit = false;
};

struct ProtocolError {
    std::string reason;
    std::string line;
};

// Whether the server wants the connection closed is ServerSession::closed().
using ServerEvent = std::variant<NeedData, CommandReceived, ReplyLineSent, LoginSucceeded, LoginFailed, MessageRetrieved,
                                 MessageMarkedDeleted, DeletesCommitted, MaildropReleased, ProtocolError>;

}  // namespace netstage::pop3
