#include "protocols/smtp/state_diagram.hpp"

#include <map>
#include <utility>

#include "protocols/smtp/command.hpp"

namespace netstage::smtp {

std::string_view stateName(ServerState state) {
    switch (state) {
        case ServerState::Connected: return "Connected";
        case ServerState::Greeted: return "Greeted";
        case ServerState::Identified: return "Identified";
        case ServerState::MailGiven: return "MailGiven";
        case ServerState::RcptGiven: return "RcptGiven";
        case ServerState::Data: return "Data";
        case ServerState::Closed: return "Closed";
    }
    return "?";
}

std::string_view triggerName(const ServerTrigger& trigger) {
    if (const auto* verb = std::get_if<Verb>(&trigger)) return verbName(*verb);
    switch (std::get<Moment>(trigger)) {
        case Moment::GreetingSent: return "start() sends 220";
        case Moment::DataEnded: return "CRLF.CRLF";
        case Moment::Closing: return "close";
    }
    return "?";
}

std::string serverStateDiagramMermaid() {
    // Triggers that lead between the same two states share one arrow; the
    // map's ordered keys (by enum value) keep the output stable.
    std::map<std::pair<ServerState, ServerState>, std::string> arrows;
    for (const ServerTransition& t : kServerTransitions) {
        std::string& label = arrows[{t.from, t.to}];
        if (!label.empty()) label.append(", ");
        label.append(triggerName(t.trigger));
    }
    std::string out = "stateDiagram-v2\n";
    out.append("    [*] --> Connected\n");
    for (const auto& [states, label] : arrows) {
        out.append("    ").append(stateName(states.first)).append(" --> ").append(stateName(states.second));
        out.append(": ").append(label).append("\n");
    }
    out.append("    Closed --> [*]\n");
    return out;
}

std::string_view clientStateName(ClientState state) {
    switch (state) {
        case ClientState::AwaitGreeting: return "AwaitGreeting";
        case ClientState::AwaitHelo: return "AwaitHelo";
        case ClientState::AwaitMail: return "AwaitMail";
        case ClientState::AwaitRcpt: return "AwaitRcpt";
        case ClientState::AwaitData: return "AwaitData";
        case ClientState::AwaitDataEnd: return "AwaitDataEnd";
        case ClientState::AwaitRset: return "AwaitRset";
        case ClientState::AwaitQuit: return "AwaitQuit";
        case ClientState::Finished: return "Finished";
    }
    return "?";
}

std::string_view clientTriggerName(ClientTrigger trigger) {
    switch (trigger) {
        case ClientTrigger::Hello: return "sent EHLO or HELO";
        case ClientTrigger::Mail: return "sent MAIL";
        case ClientTrigger::Rcpt: return "sent RCPT";
        case ClientTrigger::Data: return "sent DATA";
        case ClientTrigger::Message: return "354, sent the message and .";
        case ClientTrigger::Rset: return "sent RSET";
        case ClientTrigger::Quit: return "sent QUIT";
        case ClientTrigger::Over: return "session over";
    }
    return "?";
}

std::string clientStateDiagramMermaid() {
    std::map<std::pair<ClientState, ClientState>, std::string> arrows;
    for (const ClientTransition& t : kClientTransitions) {
        std::string& label = arrows[{t.from, t.to}];
        if (!label.empty()) label.append(", ");
        label.append(clientTriggerName(t.trigger));
    }
    std::string out = "stateDiagram-v2\n";
    out.append("    [*] --> AwaitGreeting\n");
    for (const auto& [states, label] : arrows) {
        out.append("    ").append(clientStateName(states.first)).append(" --> ").append(clientStateName(states.second));
        out.append(": ").append(label).append("\n");
    }
    out.append("    Finished --> [*]\n");
    return out;
}

}  // namespace netstage::smtp
