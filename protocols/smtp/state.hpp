#pragma once
// The SMTP state machines (RFC 5321 §3, §4.1.4) as data. The engines consult
// these tables instead of scattering `if (state == ...)` checks, and
// docs/smtp.md prints them as the state diagram.

#include <array>
#include <optional>
#include <string_view>

namespace netstage::smtp {

// Commands the server recognises (RFC 5321 §4.5.1 minimum set).
enum class Verb { Helo, Ehlo, Mail, Rcpt, Data, Rset, Noop, Vrfy, Help, Quit };

enum class ServerState {
    Connected,   // before the greeting has been sent
    Greeted,     // 220 sent, waiting for HELO/EHLO
    Identified,  // HELO/EHLO accepted, no transaction
    MailGiven,   // MAIL accepted, no recipient yet
    RcptGiven,   // at least one RCPT accepted
    Data,        // 354 sent, reading message lines
    Closed,      // 221 or 421 sent; input is ignored
};

struct ServerTransition {
    ServerState from;
    Verb verb;
    ServerState to;  // where a successful reply leads; a refused command stays put
};

// A verb absent for a state gets "503 Bad sequence of commands".
// HELO/EHLO may come again at any time and reset the transaction (§4.1.4);
// RSET, NOOP, VRFY and HELP never change the stage of the dialogue except
// that RSET drops the transaction.
inline constexpr std::array serverTransitions{
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
};
// The end of data ("." on a line of its own) leads Data -> Identified.

constexpr std::optional<ServerState> serverTransition(ServerState from, Verb verb) {
    for (const ServerTransition& t : serverTransitions) {
        if (t.from == from && t.verb == verb) return t.to;
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

struct ClientStep {
    ClientState state;
    int expectedFirstDigit;  // 2 = success; 3 for the 354 intermediate reply
    std::string_view waitsFor;
    std::string_view timeoutName;  // the RFC 5321 §4.5.3.2 timer in force
};

inline constexpr std::array clientSteps{
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
    for (const ClientStep& step : clientSteps) {
        if (step.state == state) return &step;
    }
    return nullptr;
}

}  // namespace netstage::smtp
