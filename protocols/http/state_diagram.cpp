#include "protocols/http/state_diagram.hpp"

#include <string_view>

#include "protocols/common/mermaid_text.hpp"
#include "protocols/http/state.hpp"

namespace netstage::http {

namespace {
std::string node(std::string_view name) { return proto::mermaidNode(name); }
std::string label(std::string_view text) { return proto::mermaidLabel(text); }

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
