#pragma once
// IMAP4rev1 connection states, their transitions, and which commands each
// state accepts (RFC 3501 §3 and §6). The state diagram in docs/imap.md is
// printed from `transitions` by stateDiagramMermaid(), and a test keeps the
// two equal.

#include <array>
#include <cstdint>
#include <string_view>

namespace netstage::imap {

enum class State : std::uint8_t { NotAuthenticated, Authenticated, Selected, Logout };

constexpr std::string_view toString(State state) {
    switch (state) {
        case State::NotAuthenticated: return "not authenticated";
        case State::Authenticated: return "authenticated";
        case State::Selected: return "selected";
        case State::Logout: return "logout";
    }
    return "?";
}

namespace detail {
constexpr std::uint8_t bit(State s) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(s)); }
constexpr std::uint8_t anyState = bit(State::NotAuthenticated) | bit(State::Authenticated) | bit(State::Selected);
constexpr std::uint8_t notAuth = bit(State::NotAuthenticated);
constexpr std::uint8_t authed = bit(State::Authenticated) | bit(State::Selected);
constexpr std::uint8_t selected = bit(State::Selected);
}  // namespace detail

struct Transition {
    State from;
    State to;
    std::string_view trigger;
};

inline constexpr std::array<Transition, 8> transitions{{
    {State::NotAuthenticated, State::Authenticated, "LOGIN / AUTHENTICATE ok"},
    {State::Authenticated, State::Selected, "SELECT / EXAMINE ok"},
    {State::Selected, State::Selected, "SELECT / EXAMINE ok"},
    {State::Selected, State::Authenticated, "CLOSE, UNSELECT, failed SELECT"},
    {State::NotAuthenticated, State::Logout, "LOGOUT, EOF, autologout"},
    {State::Authenticated, State::Logout, "LOGOUT, EOF, autologout"},
    {State::Selected, State::Logout, "LOGOUT, EOF, autologout, mailbox deleted"},
    {State::Logout, State::Logout, "input ignored"},
}};

struct CommandRule {
    std::string_view name;
    std::uint8_t states;  // bit set of the states that accept it
};

inline constexpr std::array<CommandRule, 27> commandRules{{
    {"CAPABILITY", detail::anyState}, {"NOOP", detail::anyState}, {"LOGOUT", detail::anyState},
    {"LOGIN", detail::notAuth}, {"AUTHENTICATE", detail::notAuth},
    {"SELECT", detail::authed}, {"EXAMINE", detail::authed}, {"CREATE", detail::authed},
    {"DELETE", detail::authed}, {"RENAME", detail::authed}, {"SUBSCRIBE", detail::authed},
    {"UNSUBSCRIBE", detail::authed}, {"LIST", detail::authed}, {"LSUB", detail::authed},
    {"STATUS", detail::authed}, {"APPEND", detail::authed}, {"IDLE", detail::authed},
    {"CHECK", detail::selected}, {"CLOSE", detail::selected}, {"UNSELECT", detail::selected},
    {"EXPUNGE", detail::selected}, {"SEARCH", detail::selected}, {"FETCH", detail::selected},
    {"STORE", detail::selected}, {"COPY", detail::selected}, {"UID", detail::selected},
    {"STARTTLS", 0},  // known, never accepted: NetStage has no TLS
}};

// nullptr for a command NetStage does not know at all.
constexpr const CommandRule* findRule(std::string_view upperName) {
    for (const auto& rule : commandRules) {
        if (rule.name == upperName) return &rule;
    }
    return nullptr;
}

constexpr bool allowedIn(const CommandRule& rule, State state) { return (rule.states & detail::bit(state)) != 0; }

}  // namespace netstage::imap
