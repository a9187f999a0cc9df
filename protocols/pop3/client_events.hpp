#pragma once
// What a POP3 client session reports.

#include <cstddef>
#include <string>
#include <variant>

namespace netstage::pop3::client {

struct NeedData {};

struct CommandSent {
    std::string line;  // without CRLF
};

struct ReplyLine {
    std::string line;  // as received (still stuffed), without CRLF
};

struct MessageDownloaded {
    std::size_t number = 0;
    std::string content;  // un-stuffed, every line ended by CRLF
};

struct LoginFailed {
    std::string reply;
};

// -ERR to RETR or DELE: that message is skipped and the session goes on.
struct CommandRejected {
    std::string command;
    std::string reply;
};

struct ProtocolError {
    std::string reason;
    std::string line;
};

struct Done {
    std::size_t downloaded = 0;
};

struct Failed {
    std::string reason;
};

}  // namespace netstage::pop3::client

namespace netstage::pop3 {
using ClientEvent = std::variant<client::NeedData, client::CommandSent, client::ReplyLine, client::MessageDownloaded, client::LoginFailed,
                                 client::CommandRejected, client::ProtocolError, client::Done, client::Failed>;
}  // namespace netstage::pop3
