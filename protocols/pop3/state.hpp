#pragma once
// The POP3 state machines as tables (RFC 1939 §3-§6). The sessions consult
// these tables for every command and every state change: a handler says what
// happened (a trigger), the table says where that leads. docs/pop3.md draws
// its state diagrams from them.

#include <array>
#include <cstddef>
#include <optional>
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

enum class ServerTrigger {
    Greeted,   // start() queued the greeting
    LoggedIn,  // PASS accepted, maildrop locked
    Quit,      // QUIT
    Dropped,   // EOF or autologout
    Updated,   // UPDATE done: deletions committed, lock released, +OK sent
};

struct ServerTransition {
    ServerState from;
    ServerTrigger trigger;
    ServerState to;
    std::string_view label;  // the arrow's words in the diagram
};

inline constexpr std::array<ServerTransition, 8> kServerTransitions{{
    {ServerState::Greeting, ServerTrigger::Greeted, ServerState::Authorization, "connection opened: +OK greeting"},
    {ServerState::Authorization, ServerTrigger::LoggedIn, ServerState::Transaction, "PASS accepted, maildrop locked"},
    {ServerState::Authorization, ServerTrigger::Quit, ServerState::Closed, "QUIT"},
    {ServerState::Authorization, ServerTrigger::Dropped, ServerState::Closed, "EOF or autologout"},
    {ServerState::Transaction, ServerTrigger::Quit, ServerState::Update, "QUIT"},
    {ServerState::Transaction, ServerTrigger::Dropped, ServerState::Closed,
     "EOF or autologout: nothing deleted, lock released"},
    {ServerState::Update, ServerTrigger::Updated, ServerState::Closed, "deletions committed, lock released, +OK"},
    {ServerState::Greeting, ServerTrigger::Dropped, ServerState::Closed, "EOF"},
}};

// Where `trigger` leads from `from`, or nothing if it cannot happen there.
constexpr std::optional<ServerState> serverTransition(ServerState from, ServerTrigger trigger) {
    for (const auto& t : kServerTransitions) {
        if (t.from == from && t.trigger == trigger) return t.to;
    }
    return std::nullopt;
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

// Which commands each state takes; the others get -ERR and change nothing.
inline constexpr std::array<CommandRule, 12> kCommandRules{{
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

enum class ClientTrigger {
    Ok,                         // +OK to the command awaited
    Err,                        // -ERR to it
    NextMessage,                // a listed message is still to be retrieved: retr n
    NoMessageLeft,              // nothing more to retrieve: quit
    Delete,                     // a message was read in delete mode: dele n
    SignedOff,                  // the reply to quit after a good session
    SignedOffAfterFailedLogin,  // the reply to quit after a failed login
    Lost,                       // EOF, reply timeout, or a reply that is neither +OK nor -ERR
};

struct ClientTransition {
    ClientState from;
    ClientTrigger trigger;
    ClientState to;
    std::string_view label;  // the arrow's words in the diagram
};

inline constexpr std::array<ClientTransition, 20> kClientTransitions{{
    {ClientState::AwaitGreeting, ClientTrigger::Ok, ClientState::AwaitUser, "+OK greeting / send user"},
    {ClientState::AwaitGreeting, ClientTrigger::Err, ClientState::Failed, "-ERR greeting"},
    {ClientState::AwaitUser, ClientTrigger::Ok, ClientState::AwaitPass, "+OK / send pass"},
    {ClientState::AwaitUser, ClientTrigger::Err, ClientState::AwaitQuit, "-ERR: login failed / send quit"},
    {ClientState::AwaitPass, ClientTrigger::Ok, ClientState::AwaitList, "+OK / send list"},
    {ClientState::AwaitPass, ClientTrigger::Err, ClientState::AwaitQuit, "-ERR: login failed / send quit"},
    {ClientState::AwaitList, ClientTrigger::Ok, ClientState::ReadingList, "+OK"},
    {ClientState::AwaitList, ClientTrigger::Err, ClientState::AwaitQuit, "-ERR / send quit"},
    {ClientState::ReadingList, ClientTrigger::NextMessage, ClientState::AwaitRetr, "'.' with messages / send retr n"},
    {ClientState::ReadingList, ClientTrigger::NoMessageLeft, ClientState::AwaitQuit,
     "'.' without messages / send quit"},
    {ClientState::AwaitRetr, ClientTrigger::Ok, ClientState::ReadingMessage, "+OK"},
    {ClientState::AwaitRetr, ClientTrigger::NextMessage, ClientState::AwaitRetr,
     "-ERR, more messages / send retr n+1"},
    {ClientState::AwaitRetr, ClientTrigger::NoMessageLeft, ClientState::AwaitQuit, "-ERR, last message / send quit"},
    {ClientState::ReadingMessage, ClientTrigger::Delete, ClientState::AwaitDele, "'.' in delete mode / send dele n"},
    {ClientState::ReadingMessage, ClientTrigger::NextMessage, ClientState::AwaitRetr,
     "'.' in keep mode, more messages / send retr n+1"},
    {ClientState::ReadingMessage, ClientTrigger::NoMessageLeft, ClientState::AwaitQuit,
     "'.' in keep mode, last message / send quit"},
    {ClientState::AwaitDele, ClientTrigger::NextMessage, ClientState::AwaitRetr,
     "reply, more messages / send retr n+1"},
    {ClientState::AwaitDele, ClientTrigger::NoMessageLeft, ClientState::AwaitQuit, "reply, last message / send quit"},
    {ClientState::AwaitQuit, ClientTrigger::SignedOff, ClientState::Done, "reply after a good session"},
    {ClientState::AwaitQuit, ClientTrigger::SignedOffAfterFailedLogin, ClientState::Failed, "reply after a failed login"},
}};

// Where `trigger` leads from `from`, or nothing if it cannot happen there.
// ClientTrigger::Lost is not listed above: it leads from every state but
// Done and Failed to Failed.
constexpr std::optional<ClientState> clientTransition(ClientState from, ClientTrigger trigger) {
    const bool over = from == ClientState::Done || from == ClientState::Failed;
    if (trigger == ClientTrigger::Lost) return over ? std::nullopt : std::optional{ClientState::Failed};
    for (const auto& t : kClientTransitions) {
        if (t.from == from && t.trigger == trigger) return t.to;
    }
    return std::nullopt;
}

}  // namespace netstage::pop3
