#include "protocols/http/state_diagram.hpp"

#include <string_view>

#include "protocols/http/state.hpp"

namespace netstage::http {

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

template <typename Table>
std::string diagram(const Table& table) {
    std::string out = "stateDiagram-v2\n    [*] --> IDLE\n";
    for (const auto& t : table) {
        out += "    " + node(toString(t.from)) + " --> " + node(toString(t.to)) + ": " + label(t.label) + "\n";
    }
    out += "    CLOSED --> [*]\n";
    return out;
}
}  // namespace

std::string serverStateDiagramMermaid() { return diagram(kServerTransitions); }
std::string clientStateDiagramMermaid() { return diagram(kClientTransitions); }

}  // namespace netstage::http
