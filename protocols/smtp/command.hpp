#pragma once
// Parsing of SMTP command lines (RFC 5321 §4.1), tolerant where real clients
// are sloppy: verbs in any case, "MAIL FROM: <x>" with a space, parameters in
// any case ("size=28" from smtplib).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "protocols/smtp/state.hpp"

namespace netstage::smtp {

struct CommandLine {
    std::string word;      // the first word, upper-cased
    std::string argument;  // the rest, outer spaces trimmed
};

CommandLine splitCommand(std::string_view line);
std::optional<Verb> verbFromWord(std::string_view upperWord);
std::string_view verbName(Verb verb);
// Verbs of extensions this server does not offer: these get 502, not 500.
bool isUnimplementedVerb(std::string_view upperWord);

struct PathArgument {
    std::string address;  // without angle brackets; empty for the null path "<>"
    std::vector<std::pair<std::string, std::string>> params;  // keyword upper-cased, value as given
};

struct PathError {
    std::string what;
};

// Parses "FROM:<a@b> SIZE=10" (keyword "FROM") or "TO:<a@b>" (keyword "TO").
// The null path is allowed only when `allowNull` is set (MAIL FROM:<>).
// "postmaster" without a domain is a valid RCPT address (§4.5.1).
std::variant<PathArgument, PathError> parsePathArgument(std::string_view argument, std::string_view keyword,
                                                        bool allowNull);

// True if every octet is printable US-ASCII or a space/tab (§2.4, §4.1.1).
bool isCleanCommandText(std::string_view text);

}  // namespace netstage::smtp
