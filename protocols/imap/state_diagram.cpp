#include "protocols/imap/state_diagram.hpp"

#include "protocols/imap/state.hpp"

namespace netstage::imap {

namespace {
std::string_view idOf(ServerState state) {
    switch (state) {
        case ServerState::NotAuthenticated: return "NotAuthenticated";
        case ServerState::Authenticated: return "Authenticated";
        case ServerState::Selected: return "Selected";
        case ServerState::Logout: return "Logout";
    }
    return "?";
}
}  // namespace

std::string serverStateDiagramMermaid() {
    std::string out = "stateDiagram-v2\n    [*] --> NotAuthenticated: greeting * OK\n";
    for (const auto& t : kServerTransitions) {
        out += "    " + std::string{idOf(t.from)} + " --> " + std::string{idOf(t.to)} + ": " + std::string{t.label} +
               "\n";
    }
    out += "    Logout --> [*]: connection closed, input ignored\n";
    return out;
}

}  // namespace netstage::imap
