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

std::string serverStateDiagramMermaid() {
    // Verbs that lead between the same two states share one arrow; the map's
    // ordered keys (by enum value) keep the output stable.
    std::map<std::pair<ServerState, ServerState>, std::string> arrows;
    for (const ServerTransition& t : serverTransitions) {
        std::string& label = arrows[{t.from, t.to}];
        if (!label.empty()) label.append(", ");
        label.append(verbName(t.verb));
    }
    std::string out = "stateDiagram-v2\n";
    out.append("    [*] --> Connected\n");
    out.append("    Connected --> Greeted: start() sends 220\n");
    for (const auto& [states, label] : arrows) {
        out.append("    ").append(stateName(states.first)).append(" --> ").append(stateName(states.second));
        out.append(": ").append(label).append("\n");
    }
    out.append("    Data --> Identified: CRLF.CRLF\n");
    out.append("    Closed --> [*]\n");
    return out;
}

}  // namespace netstage::smtp
