#pragma once
// IMAP4rev1 server connection states, their transitions, and which commands
// each state accepts (RFC 3501 §3 and §6). The session's handlers report what
// happened (a Trigger); kServerTransitions alone says which state that leads
// to. The state diagram in docs/imap.md is printed from kServerTransitions by
// serverStateDiagramMermaid(), and a test keeps the two equal. The client
// runs a script one command at a time and has no state table.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace netstage::imap {

enum class ServerState : std::uint8_t { NotAuthenticated, Authenticated, Selected, Logout };

constexpr std::string_view toString(ServerState state) {
    switch (state) {
        case ServerState::NotAuthenticated: return "not authenticated";
        case ServerState::Authenticated: return "authenticated";
        case ServerState::Selected: return "selected";
        case ServerState::Logout: return "logout";
    }
    return "?";
}

// What a handler reports; the table turns it into the next state.
enum class Trigger : std::uint8_t {
    LoggedIn,         // LOGIN or AUTHENTICATE succeeded
    MailboxSelected,  // SELECT or EXAMINE succeeded
    MailboxClosed,    // CLOSE, UNSELECT, or a failed SELECT let go of the selected mailbox
    SessionEnded,     // LOGOUT, EOF, autologout, or the selected mailbox was deleted
};

struct ServerTransition {
    ServerState from;
    Trigger trigger;
    ServerState to;
    std::string_view label;  // the arrow's text in the diagram
};

// A trigger absent for a state is a bug in the session, not in the peer:
// which commands a state accepts is checked first (kServerCommands below).
// After Logout every input is ignored.
inline constexpr std::array kServerTransitions{
    ServerTransition{ServerState::NotAuthenticated, Trigger::LoggedIn, ServerState::Authenticated,
                     "LOGIN / AUTHENTICATE ok"},
    ServerTransition{ServerState::Authenticated, Trigger::MailboxSelected, ServerState::Selected, "SELECT / EXAMINE ok"},
    ServerTransition{ServerState::Selected, Trigger::MailboxSelected, ServerState::Selected, "SELECT / EXAMINE ok"},
    ServerTransition{ServerState::Selected, Trigger::MailboxClosed, ServerState::Authenticated,
                     "CLOSE, UNSELECT, failed SELECT"},
    ServerTransition{ServerState::NotAuthenticated, Trigger::SessionEnded, ServerState::Logout,
                     "LOGOUT, EOF, autologout"},
    ServerTransition{ServerState::Authenticated, Trigger::SessionEnded, ServerState::Logout, "LOGOUT, EOF, autologout"},
    ServerTransition{ServerState::Selected, Trigger::SessionEnded, ServerState::Logout,
                     "LOGOUT, EOF, autologout, mailbox deleted"},
};

constexpr std::optional<ServerState> serverTransition(ServerState from, Trigger trigger) {
    for (const ServerTransition& t : kServerTransitions) {
        if (t.from == from && t.trigger == trigger) return t.to;
    }
    return std::nullopt;
}

namespace detail {
constexpr std::uint8_t bit(ServerState s) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(s)); }
constexpr std::uint8_t anyState =
    bit(ServerState::NotAuthenticated) | bit(ServerState::Authenticated) | bit(ServerState::Selected);
constexpr std::uint8_t notAuth = bit(ServerState::NotAuthenticated);
constexpr std::uint8_t authed = bit(ServerState::Authenticated) | bit(ServerState::Selected);
constexpr std::uint8_t selected = bit(ServerState::Selected);
}  // namespace detail

struct CommandRule {
    std::string_view name;
    std::uint8_t states;  // bit set of the states that accept it
};

inline constexpr std::array<CommandRule, 28> kServerCommands{{
    {"CAPABILITY", detail::anyState}, {"NOOP", detail::anyState}, {"LOGOUT", detail::anyState},
    {"LOGIN", detail::notAuth}, {"AUTHENTICATE", detail::notAuth},
    {"SELECT", detail::authed}, {"EXAMINE", detail::authed}, {"CREATE", detail::authed},
    {"DELETE", detail::authed}, {"RENAME", detail::authed}, {"SUBSCRIBE", detail::authed},
    {"UNSUBSCRIBE", detail::authed}, {"LIST", detail::authed}, {"LSUB", detail::authed},
    {"STATUS", detail::authed}, {"APPEND", detail::authed}, {"IDLE", detail::authed}, {"NAMESPACE", detail::authed},
    {"CHECK", detail::selected}, {"CLOSE", detail::selected}, {"UNSELECT", detail::selected},
    {"EXPUNGE", detail::selected}, {"SEARCH", detail::selected}, {"FETCH", detail::selected},
    {"STORE", detail::selected}, {"COPY", detail::selected}, {"UID", detail::selected},
    {"STARTTLS", 0},  // known, never accepted: NetStage has no TLS
}};

// nullptr for a command NetStage does not know at all.
constexpr const CommandRule* findRule(std::string_view upperName) {
    for (const auto& rule : kServerCommands) {
        if (rule.name == upperName) return &rule;
    }
    return nullptr;
}

constexpr bool allowedIn(const CommandRule& rule, ServerState state) { return (rule.states & detail::bit(state)) != 0; }

}  // namespace netstage::imap
