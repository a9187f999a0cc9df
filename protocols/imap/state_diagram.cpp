#include "protocols/imap/state_diagram.hpp"

#include "protocols/imap/state.hpp"

namespace netstage::imap {

namespace {
std::string_view idOf(State state) {
    switch (state) {
        case State::NotAuthenticated: return "NotAuthenticated";
        case State::Authenticated: return "Authenticated";
        case State::Selected: return "Selected";
        case State::Logout: return "Logout";
    }
    return "?";
}
}  // namespace

std::string stateDiagramMermaid() {
    std::string out = "stateDiagram-v2\n    [*] --> NotAuthenticated: greeting * OK\n";
    for (const auto& t : transitions) {
        out += "    " + std::string{idOf(t.from)} + " --> " + std::string{idOf(t.to)} + ": " + std::string{t.trigger} +
               "\n";
    }
    return out;
}

}  // namespace netstage::imap
