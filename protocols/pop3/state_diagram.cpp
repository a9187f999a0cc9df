#include "protocols/pop3/state_diagram.hpp"

#include <string_view>

#include "protocols/common/mermaid_text.hpp"
#include "protocols/pop3/state.hpp"

namespace netstage::pop3 {

namespace {
std::string node(std::string_view name) { return proto::mermaidNode(name); }
std::string label(std::string_view text) { return proto::mermaidLabel(text); }
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
