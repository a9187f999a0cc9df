#pragma once
// The POP3 state machines as tables (RFC 1939 §3-§6). The sessions consult
// these tables for every command and every state change, and docs/pop3.md
// draws its state diagrams from them.

#include <array>
#include <cstddef>
#include <string_view>

namespace netstage::pop3 {

// ---- Server (RFC 1939 §3) ----

enum class ServerState { Greeting, Authorization, Transaction, Update, Closed };

constexpr std::string_view toString(ServerState s) {
    switch (s) {
        case ServerState::Greeting: return "GREETING";
        case ServerState::Authorization: return "AUTHORIZATION";
        case ServerState::Transaction: return "TRANSACTION";
        case ServerState::Update: return "UPDATE";
        case ServerState::Closed: return "CLOSED";
    }
    return "?";
}

struct ServerTransition {
    ServerState from;
    std::string_view trigger;
    ServerState to;
};

inline constexpr std::array<ServerTransition, 8> serverTransitions{{
    {ServerState::Greeting, "connection opened: +OK greeting", ServerState::Authorization},
    {ServerState::Authorization, "PASS accepted, maildrop locked", ServerState::Transaction},
    {ServerState::Authorization, "QUIT", ServerState::Closed},
    {ServerState::Authorization, "EOF or autologout", ServerState::Closed},
    {ServerState::Transaction, "QUIT", ServerState::Update},
    {ServerState::Transaction, "EOF or autologout: nothing deleted, lock released", ServerState::Closed},
    {ServerState::Update, "deletions committed, lock released, +OK", ServerState::Closed},
    {ServerState::Greeting, "EOF", ServerState::Closed},
}};

constexpr bool serverTransitionAllowed(ServerState from, ServerState to) {
    for (const auto& t : serverTransitions) {
        if (t.from == from && t.to == to) return true;
    }
    return false;
}

enum class Command { User, Pass, Quit, Stat, List, Retr, Dele, Noop, Rset, Top, Uidl, Capa };

// What follows the verb. RFC 1939 numbers are decimal message numbers.
enum class Arguments { None, Text, Number, OptionalNumber, TwoNumbers };

struct CommandRule {
    std::string_view verb;
    Command command;
    Arguments arguments;
    bool inAuthorization;
    bool inTransaction;
};

inline constexpr std::array<CommandRule, 12> commandTable{{
    {"USER", Command::User, Arguments::Text, true, false},
    {"PASS", Command::Pass, Arguments::Text, true, false},
    {"QUIT", Command::Quit, Arguments::None, true, true},
    {"STAT", Command::Stat, Arguments::None, false, true},
    {"LIST", Command::List, Arguments::OptionalNumber, false, true},
    {"RETR", Command::Retr, Arguments::Number, false, true},
    {"DELE", Command::Dele, Arguments::Number, false, true},
    {"NOOP", Command::Noop, Arguments::None, false, true},
    {"RSET", Command::Rset, Arguments::None, false, true},
    {"TOP", Command::Top, Arguments::TwoNumbers, false, true},
    {"UIDL", Command::Uidl, Arguments::OptionalNumber, false, true},
    {"CAPA", Command::Capa, Arguments::None, true, true},  // RFC 2449 §5: any state
}};

// ---- Client: the lecture's download sequence ----

enum class ClientState {
    AwaitGreeting,
    AwaitUser,
    AwaitPass,
    AwaitList,
    ReadingList,
    AwaitRetr,
    ReadingMessage,
    AwaitDele,
    AwaitQuit,
    Done,
    Failed,
};

constexpr std::string_view toString(ClientState s) {
    switch (s) {
        case ClientState::AwaitGreeting: return "AWAIT-GREETING";
        case ClientState::AwaitUser: return "AWAIT-USER";
        case ClientState::AwaitPass: return "AWAIT-PASS";
        case ClientState::AwaitList: return "AWAIT-LIST";
        case ClientState::ReadingList: return "READING-LIST";
        case ClientState::AwaitRetr: return "AWAIT-RETR";
        case ClientState::ReadingMessage: return "READING-MESSAGE";
        case ClientState::AwaitDele: return "AWAIT-DELE";
        case ClientState::AwaitQuit: return "AWAIT-QUIT";
        case ClientState::Done: return "DONE";
        case ClientState::Failed: return "FAILED";
    }
    return "?";
}

struct ClientTransition {
    ClientState from;
    std::string_view trigger;
    ClientState to;
};

inline constexpr std::array<ClientTransition, 20> clientTransitions{{
    {ClientState::AwaitGreeting, "+OK greeting / send user", ClientState::AwaitUser},
    {ClientState::AwaitGreeting, "-ERR greeting", ClientState::Failed},
    {ClientState::AwaitUser, "+OK / send pass", ClientState::AwaitPass},
    {ClientState::AwaitUser, "-ERR: login failed / send quit", ClientState::AwaitQuit},
    {ClientState::AwaitPass, "+OK / send list", ClientState::AwaitList},
    {ClientState::AwaitPass, "-ERR: login failed / send quit", ClientState::AwaitQuit},
    {ClientState::AwaitList, "+OK", ClientState::ReadingList},
    {ClientState::AwaitList, "-ERR / send quit", ClientState::AwaitQuit},
    {ClientState::ReadingList, "'.' with messages / send retr n", ClientState::AwaitRetr},
    {ClientState::ReadingList, "'.' without messages / send quit", ClientState::AwaitQuit},
    {ClientState::AwaitRetr, "+OK", ClientState::ReadingMessage},
    {ClientState::AwaitRetr, "-ERR, more messages / send retr n+1", ClientState::AwaitRetr},
    {ClientState::AwaitRetr, "-ERR, last message / send quit", ClientState::AwaitQuit},
    {ClientState::ReadingMessage, "'.' in delete mode / send dele n", ClientState::AwaitDele},
    {ClientState::ReadingMessage, "'.' in keep mode, more messages / send retr n+1", ClientState::AwaitRetr},
    {ClientState::ReadingMessage, "'.' in keep mode, last message / send quit", ClientState::AwaitQuit},
    {ClientState::AwaitDele, "reply, more messages / send retr n+1", ClientState::AwaitRetr},
    {ClientState::AwaitDele, "reply, last message / send quit", ClientState::AwaitQuit},
    {ClientState::AwaitQuit, "reply after a good session", ClientState::Done},
    {ClientState::AwaitQuit, "reply after a failed login", ClientState::Failed},
}};
// Not listed above: every state but Done and Failed also goes to Failed on
// EOF, on a reply timeout, or on a reply that is neither +OK nor -ERR.

constexpr bool clientTransitionAllowed(ClientState from, ClientState to) {
    if (to == ClientState::Failed && from != ClientState::Done && from != ClientState::Failed) return true;
    for (const auto& t : clientTransitions) {
        if (t.from == from && t.to == to) return true;
    }
    return false;
}

}  // namespace netstage::pop3
