#pragma once
// The SMTP state machines (RFC 5321 §3, §4.1.4) as data. The tables decide
// every change of state: a handler only says what happened (this command was
// accepted, the data ended, this command was sent), and docs/smtp.md prints
// the tables as its state diagrams.

#include <array>
#include <optional>
#include <string_view>
#include <variant>

namespace netstage::smtp {

// Commands the server recognises (RFC 5321 §4.5.1 minimum set, and AUTH of
// RFC 4954 when the server offers it).
enum class Verb { Helo, Ehlo, Mail, Rcpt, Data, Rset, Noop, Vrfy, Help, Quit, Auth };

enum class ServerState {
    Connected,   // before the greeting has been sent
    Greeted,     // 220 sent, waiting for HELO/EHLO
    Identified,  // HELO/EHLO accepted, no transaction
    MailGiven,   // MAIL accepted, no recipient yet
    RcptGiven,   // at least one RCPT accepted
    Data,        // 354 sent, reading message lines
    Closed,      // 221 or 421 sent; input is ignored
};

// What moves the server besides an accepted command.
enum class Moment {
    GreetingSent,  // start() queued the 220
    DataEnded,     // <CRLF>.<CRLF> ended the message, whatever the reply to it
    Closing,       // 421 (shutdown(), idle timeout) or the client closed: from any state but Closed
};

// A command the server accepted (its verb), or a Moment. A refused command
// triggers nothing: the session stays where it was.
using ServerTrigger = std::variant<Verb, Moment>;

struct ServerTransition {
    ServerState from;
    ServerTrigger trigger;
    ServerState to;
};

// A verb absent for a state gets "503 Bad sequence of commands".
// HELO/EHLO may come again at any time and reset the transaction (§4.1.4);
// RSET, NOOP, VRFY and HELP never change the stage of the dialogue except
// that RSET drops the transaction. Moment::Closing is not listed: it leads
// from every state but Closed to Closed (serverTransition says so).
inline constexpr std::array kServerTransitions{
    ServerTransition{ServerState::Connected, Moment::GreetingSent, ServerState::Greeted},

    ServerTransition{ServerState::Greeted, Verb::Helo, ServerState::Identified},
    ServerTransition{ServerState::Greeted, Verb::Ehlo, ServerState::Identified},
    ServerTransition{ServerState::Greeted, Verb::Rset, ServerState::Greeted},
    ServerTransition{ServerState::Greeted, Verb::Noop, ServerState::Greeted},
    ServerTransition{ServerState::Greeted, Verb::Vrfy, ServerState::Greeted},
    ServerTransition{ServerState::Greeted, Verb::Help, ServerState::Greeted},
    ServerTransition{ServerState::Greeted, Verb::Quit, ServerState::Closed},

    ServerTransition{ServerState::Identified, Verb::Helo, ServerState::Identified},
    ServerTransition{ServerState::Identified, Verb::Ehlo, ServerState::Identified},
    ServerTransition{ServerState::Identified, Verb::Mail, ServerState::MailGiven},
    // RFC 4954 §4: after EHLO, never during a mail transaction.
    ServerTransition{ServerState::Identified, Verb::Auth, ServerState::Identified},
    ServerTransition{ServerState::Identified, Verb::Rset, ServerState::Identified},
    ServerTransition{ServerState::Identified, Verb::Noop, ServerState::Identified},
    ServerTransition{ServerState::Identified, Verb::Vrfy, ServerState::Identified},
    ServerTransition{ServerState::Identified, Verb::Help, ServerState::Identified},
    ServerTransition{ServerState::Identified, Verb::Quit, ServerState::Closed},

    ServerTransition{ServerState::MailGiven, Verb::Helo, ServerState::Identified},
    ServerTransition{ServerState::MailGiven, Verb::Ehlo, ServerState::Identified},
    ServerTransition{ServerState::MailGiven, Verb::Rcpt, ServerState::RcptGiven},
    ServerTransition{ServerState::MailGiven, Verb::Rset, ServerState::Identified},
    ServerTransition{ServerState::MailGiven, Verb::Noop, ServerState::MailGiven},
    ServerTransition{ServerState::MailGiven, Verb::Vrfy, ServerState::MailGiven},
    ServerTransition{ServerState::MailGiven, Verb::Help, ServerState::MailGiven},
    ServerTransition{ServerState::MailGiven, Verb::Quit, ServerState::Closed},

    ServerTransition{ServerState::RcptGiven, Verb::Helo, ServerState::Identified},
    ServerTransition{ServerState::RcptGiven, Verb::Ehlo, ServerState::Identified},
    ServerTransition{ServerState::RcptGiven, Verb::Rcpt, ServerState::RcptGiven},
    ServerTransition{ServerState::RcptGiven, Verb::Data, ServerState::Data},
    ServerTransition{ServerState::RcptGiven, Verb::Rset, ServerState::Identified},
    ServerTransition{ServerState::RcptGiven, Verb::Noop, ServerState::RcptGiven},
    ServerTransition{ServerState::RcptGiven, Verb::Vrfy, ServerState::RcptGiven},
    ServerTransition{ServerState::RcptGiven, Verb::Help, ServerState::RcptGiven},
    ServerTransition{ServerState::RcptGiven, Verb::Quit, ServerState::Closed},

    ServerTransition{ServerState::Data, Moment::DataEnded, ServerState::Identified},
};

// Where `trigger` leads from `from`, or nothing if it cannot happen there
// (for a command: 503).
constexpr std::optional<ServerState> serverTransition(ServerState from, ServerTrigger trigger) {
    if (trigger == ServerTrigger{Moment::Closing}) {
        return from == ServerState::Closed ? std::nullopt : std::optional{ServerState::Closed};
    }
    for (const ServerTransition& t : kServerTransitions) {
        if (t.from == from && t.trigger == trigger) return t.to;
    }
    return std::nullopt;
}

// The client waits for exactly one reply at a time (no pipelining), so its
// state is "which reply am I waiting for".
enum class ClientState {
    AwaitGreeting,  // connected, waiting for 220
    AwaitHelo,      // EHLO or HELO sent
    AwaitMail,      // MAIL FROM sent
    AwaitRcpt,      // one RCPT TO sent
    AwaitData,      // DATA sent, waiting for 354
    AwaitDataEnd,   // message and "." sent, waiting for the final reply
    AwaitRset,      // RSET sent after a failed transaction
    AwaitQuit,      // QUIT sent, waiting for 221
    Finished,       // nothing more to send or read
};

// What moves the client on: the command (or message) it just sent, whose
// reply it now waits for, or the end of the session.
enum class ClientTrigger {
    Hello,    // EHLO or HELO
    Mail,     // MAIL FROM
    Rcpt,     // RCPT TO
    Data,     // DATA
    Message,  // the message and its "." after 354
    Rset,     // RSET after a transaction that failed before its end
    Quit,     // QUIT
    Over,     // every item has its result (the reply to QUIT, or an abort from any state but Finished)
};

struct ClientTransition {
    ClientState from;
    ClientTrigger trigger;
    ClientState to;
};

// The order of a session: greeting, EHLO/HELO (HELO again after a 5xx to
// EHLO), per item MAIL, RCPT..., DATA, message; RSET only after a
// transaction that failed before its end; QUIT when the queue is empty, or
// at once when the greeting or HELO/EHLO is refused.
inline constexpr std::array kClientTransitions{
    ClientTransition{ClientState::AwaitGreeting, ClientTrigger::Hello, ClientState::AwaitHelo},
    ClientTransition{ClientState::AwaitGreeting, ClientTrigger::Quit, ClientState::AwaitQuit},
    ClientTransition{ClientState::AwaitHelo, ClientTrigger::Hello, ClientState::AwaitHelo},
    ClientTransition{ClientState::AwaitHelo, ClientTrigger::Mail, ClientState::AwaitMail},
    ClientTransition{ClientState::AwaitHelo, ClientTrigger::Quit, ClientState::AwaitQuit},
    ClientTransition{ClientState::AwaitMail, ClientTrigger::Rcpt, ClientState::AwaitRcpt},
    ClientTransition{ClientState::AwaitMail, ClientTrigger::Rset, ClientState::AwaitRset},
    ClientTransition{ClientState::AwaitRcpt, ClientTrigger::Rcpt, ClientState::AwaitRcpt},
    ClientTransition{ClientState::AwaitRcpt, ClientTrigger::Data, ClientState::AwaitData},
    ClientTransition{ClientState::AwaitRcpt, ClientTrigger::Rset, ClientState::AwaitRset},
    ClientTransition{ClientState::AwaitData, ClientTrigger::Message, ClientState::AwaitDataEnd},
    ClientTransition{ClientState::AwaitData, ClientTrigger::Rset, ClientState::AwaitRset},
    ClientTransition{ClientState::AwaitDataEnd, ClientTrigger::Mail, ClientState::AwaitMail},
    ClientTransition{ClientState::AwaitDataEnd, ClientTrigger::Quit, ClientState::AwaitQuit},
    ClientTransition{ClientState::AwaitRset, ClientTrigger::Mail, ClientState::AwaitMail},
    ClientTransition{ClientState::AwaitRset, ClientTrigger::Quit, ClientState::AwaitQuit},
    ClientTransition{ClientState::AwaitQuit, ClientTrigger::Over, ClientState::Finished},
};

// Where `trigger` leads from `from`, or nothing if it cannot happen there.
// ClientTrigger::Over also leads from every other state but Finished to
// Finished (421, a lost connection, a timeout), which the table does not list.
constexpr std::optional<ClientState> clientTransition(ClientState from, ClientTrigger trigger) {
    if (trigger == ClientTrigger::Over) {
        return from == ClientState::Finished ? std::nullopt : std::optional{ClientState::Finished};
    }
    for (const ClientTransition& t : kClientTransitions) {
        if (t.from == from && t.trigger == trigger) return t.to;
    }
    return std::nullopt;
}

// What the client expects in each wait, and the timer that runs.
struct ClientStep {
    ClientState state;
    int expectedFirstDigit;  // 2 = success; 3 for the 354 intermediate reply
    std::string_view waitsFor;
    std::string_view timeoutName;  // the RFC 5321 §4.5.3.2 timer in force
};

inline constexpr std::array kClientSteps{
    ClientStep{ClientState::AwaitGreeting, 2, "220 greeting", "initial 220 (5 min)"},
    ClientStep{ClientState::AwaitHelo, 2, "250 to HELO/EHLO", "MAIL (5 min)"},
    ClientStep{ClientState::AwaitMail, 2, "250 to MAIL", "MAIL (5 min)"},
    ClientStep{ClientState::AwaitRcpt, 2, "250/251 to RCPT", "RCPT (5 min)"},
    ClientStep{ClientState::AwaitData, 3, "354 to DATA", "DATA initiation (2 min)"},
    ClientStep{ClientState::AwaitDataEnd, 2, "250 after <CRLF>.<CRLF>", "DATA termination (10 min)"},
    ClientStep{ClientState::AwaitRset, 2, "250 to RSET", "MAIL (5 min)"},
    ClientStep{ClientState::AwaitQuit, 2, "221 to QUIT", "MAIL (5 min)"},
};

constexpr const ClientStep* clientStep(ClientState state) {
    for (const ClientStep& step : kClientSteps) {
        if (step.state == state) return &step;
    }
    return nullptr;
}

}  // namespace netstage::smtp
