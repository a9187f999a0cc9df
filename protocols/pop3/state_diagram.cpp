#include "protocols/pop3/state_diagram.hpp"

#include <string_view>

#include "protocols/pop3/state.hpp"

namespace netstage::pop3 {

namespace {
// Mermaid state names cannot contain '-'.
std::string node(std::string_view name) {
    std::string out;
    for (char c : name) out += c == '-' ? '_' : c;
    return out;
}

// Mermaid reads ':' as the label separator and ';' as a statement end.
std::string label(std::string_view text) {
    std::string out;
    for (char c : text) out += (c == ':' || c == ';') ? ',' : c;
    return out;
}
}  // namespace

std::string serverStateDiagramMermaid() {
    std::string out = "stateDiagram-v2\n    [*] --> GREETING\n";
    for (const auto& t : kServerTransitions) {
        out += "    " + node(toString(t.from)) + " --> " + node(toString(t.to)) + ": " + label(t.label) + "\n";
    }
    out += "    CLOSED --> [*]\n";
    return out;
}

std::string clientStateDiagramMermaid() {
    std::string out = "stateDiagram-v2\n    [*] --> AWAIT_GREETING\n";
    for (const auto& t : kClientTransitions) {
        out += "    " + node(toString(t.from)) + " --> " + node(toString(t.to)) + ": " + label(t.label) + "\n";
    }
    out += "    DONE --> [*]\n    FAILED --> [*]\n";
    return out;
}

}  // namespace netstage::pop3
