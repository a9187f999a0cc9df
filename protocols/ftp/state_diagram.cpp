#include "protocols/ftp/state_diagram.hpp"

namespace netstage::ftp {

std::string serverStateDiagramMermaid() {
    std::string out = "stateDiagram-v2\n    [*] --> AwaitingUser\n";
    for (const auto& row : kServerTransitions) {
        out += "    " + std::string{toString(row.from)} + " --> " + std::string{toString(row.to)} + ": ";
        // Mermaid reads ':' and ';' in a label as syntax.
        for (char c : row.trigger) out += (c == ':' || c == ';') ? ' ' : c;
        out += '\n';
    }
    out += "    Closed --> [*]\n";
    return out;
}

}  // namespace netstage::ftp
