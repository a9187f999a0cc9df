#pragma once
// One FTP command line (RFC 959 §5.3): a verb of letters, optionally a
// space and an argument.

#include <optional>
#include <string>
#include <string_view>

namespace netstage::ftp {

struct Command {
    std::string verb;  // upper-case
    std::string argument;
    std::string rawLine;
};

enum class CommandError {
    None,
    BadVerb,      // not 3-4 letters: 500
    BadArgument,  // a NUL or other control octet in the argument: 501
};

struct ParsedCommand {
    Command command;
    CommandError error = CommandError::None;
};

// Telnet interrupt sequences (IAC IP, IAC DM) that clients put before ABOR
// (RFC 959 §4.1.3) are dropped before parsing.
ParsedCommand parseCommand(std::string_view line);

}  // namespace netstage::ftp
