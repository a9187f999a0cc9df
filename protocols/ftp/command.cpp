#include "protocols/ftp/command.hpp"

#include "protocols/common/line_reader.hpp"

namespace netstage::ftp {

namespace {

bool isLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string_view dropTelnetControls(std::string_view line) {
    while (!line.empty()) {
        const auto octet = static_cast<unsigned char>(line.front());
        if (octet == 0xFF && line.size() >= 2) {
            line.remove_prefix(2);  // IAC and the command it introduces
        } else if (octet >= 0xF0) {
            line.remove_prefix(1);
        } else {
            break;
        }
    }
    return line;
}

}  // namespace

ParsedCommand parseCommand(std::string_view line) {
    ParsedCommand parsed;
    parsed.command.rawLine = std::string{line};
    line = dropTelnetControls(line);
    const std::size_t space = line.find(' ');
    const std::string_view verb = line.substr(0, space);
    bool verbOk = verb.size() >= 3 && verb.size() <= 4;
    for (char c : verb) verbOk = verbOk && isLetter(c);
    if (!verbOk) {
        parsed.error = CommandError::BadVerb;
        return parsed;
    }
    parsed.command.verb = proto::asciiUpper(verb);
    if (space != std::string_view::npos) parsed.command.argument = std::string{line.substr(space + 1)};
    for (char c : parsed.command.argument) {
        if (c == '\0' || c == '\r' || c == '\n') {
            parsed.error = CommandError::BadArgument;
            return parsed;
        }
    }
    return parsed;
}

}  // namespace netstage::ftp
