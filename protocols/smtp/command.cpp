#include "protocols/smtp/command.hpp"

#include <array>

#include "protocols/common/line_reader.hpp"

namespace netstage::smtp {

namespace {

constexpr std::size_t maxPathOctets = 256;     // RFC 5321 §4.5.3.1.3
constexpr std::size_t maxLocalPartOctets = 64;  // §4.5.3.1.1
constexpr std::size_t maxDomainOctets = 255;    // §4.5.3.1.2

constexpr std::array<std::pair<std::string_view, Verb>, 11> verbs{{
    {"HELO", Verb::Helo},
    {"EHLO", Verb::Ehlo},
    {"MAIL", Verb::Mail},
    {"RCPT", Verb::Rcpt},
    {"DATA", Verb::Data},
    {"RSET", Verb::Rset},
    {"NOOP", Verb::Noop},
    {"VRFY", Verb::Vrfy},
    {"HELP", Verb::Help},
    {"QUIT", Verb::Quit},
    {"AUTH", Verb::Auth},
}};

bool isAddressChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 32 && u < 127 && c != '<' && c != '>';
}

}  // namespace

CommandLine splitCommand(std::string_view line) {
    line = proto::trimSpaces(line);
    const std::size_t space = line.find_first_of(" \t");
    if (space == std::string_view::npos) return {proto::asciiUpper(line), {}};
    return {proto::asciiUpper(line.substr(0, space)), std::string{proto::trimSpaces(line.substr(space + 1))}};
}

std::optional<Verb> verbFromWord(std::string_view upperWord) {
    for (const auto& [name, verb] : verbs) {
        if (name == upperWord) return verb;
    }
    return std::nullopt;
}

std::string_view verbName(Verb verb) {
    for (const auto& [name, v] : verbs) {
        if (v == verb) return name;
    }
    return "?";
}

bool isUnimplementedVerb(std::string_view upperWord) {
    static constexpr std::array<std::string_view, 7> known{"EXPN", "TURN", "ETRN", "ATRN", "STARTTLS", "BDAT", "SEND"};
    for (const std::string_view word : known) {
        if (word == upperWord) return true;
    }
    return false;
}

bool isCleanCommandText(std::string_view text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 127 || (u < 32 && c != ' ' && c != '\t')) return false;
    }
    return true;
}

std::variant<PathArgument, PathError> parsePathArgument(std::string_view argument, std::string_view keyword,
                                                        bool allowNull) {
    const std::string expected = std::string{keyword} + ":";
    if (!proto::istartsWith(argument, expected)) return PathError{"expected " + expected + "<address>"};
    std::string_view rest = proto::trimSpaces(argument.substr(expected.size()));
    if (rest.empty()) return PathError{"missing address"};

    std::string_view path;
    if (rest.front() == '<') {
        const std::size_t close = rest.find('>');
        if (close == std::string_view::npos) return PathError{"missing '>' after the address"};
        path = rest.substr(1, close - 1);
        rest.remove_prefix(close + 1);
        if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') {
            return PathError{"expected a space after the address"};
        }
    } else {
        // Some old clients leave the brackets out; the address then ends at the first space.
        const std::size_t space = rest.find_first_of(" \t");
        path = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space);
    }

    // A source route "@a,@b:user@c" must be accepted and may be ignored (§4.1.1.3 / Appendix C).
    if (!path.empty() && path.front() == '@') {
        const std::size_t colon = path.find(':');
        if (colon == std::string_view::npos) return PathError{"malformed source route"};
        path.remove_prefix(colon + 1);
    }

    PathArgument parsed;
    if (path.empty()) {
        if (!allowNull) return PathError{"the null path <> is not allowed here"};
    } else {
        if (path.size() > maxPathOctets) return PathError{"path longer than 256 octets"};
        for (const char c : path) {
            if (!isAddressChar(c)) return PathError{"invalid character in address"};
        }
        const std::size_t at = path.rfind('@');
        if (at == std::string_view::npos) {
            if (!(keyword == "TO" && proto::iequals(path, "postmaster"))) {
                return PathError{"address needs a domain (local-part@domain)"};
            }
        } else {
            if (at == 0 || at + 1 == path.size()) return PathError{"empty local part or domain"};
            if (at > maxLocalPartOctets) return PathError{"local part longer than 64 octets"};
            if (path.size() - at - 1 > maxDomainOctets) return PathError{"domain longer than 255 octets"};
        }
        parsed.address = std::string{path};
    }

    rest = proto::trimSpaces(rest);
    while (!rest.empty()) {
        const std::size_t space = rest.find_first_of(" \t");
        const std::string_view param = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view{} : proto::trimSpaces(rest.substr(space));
        const std::size_t equals = param.find('=');
        std::string name = proto::asciiUpper(param.substr(0, equals));
        if (name.empty()) return PathError{"empty parameter name"};
        std::string value = equals == std::string_view::npos ? std::string{} : std::string{param.substr(equals + 1)};
        parsed.params.emplace_back(std::move(name), std::move(value));
    }
    return parsed;
}

}  // namespace netstage::smtp
