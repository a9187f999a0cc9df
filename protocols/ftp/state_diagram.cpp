#include "protocols/ftp/state_diagram.hpp"

namespace netstage::ftp {

namespace {

template <typename Table>
std::string diagram(const Table& table, std::string_view first, std::string_view last) {
    std::string out = "stateDiagram-v2\n    [*] --> " + std::string{first} + "\n";
    for (const auto& row : table) {
        out += "    " + std::string{toString(row.from)} + " --> " + std::string{toString(row.to)} + ": ";
        // Mermaid reads ':' and ';' in a label as syntax.
        for (char c : row.trigger) out += (c == ':' || c == ';') ? ' ' : c;
        out += '\n';
    }
    out += "    " + std::string{last} + " --> [*]\n";
    return out;
}

}  // namespace

std::string serverStateDiagramMermaid() {
    return diagram(kServerTransitions, toString(ServerState::AwaitingUser), toString(ServerState::Closed));
}

std::string clientStateDiagramMermaid() {
    return diagram(kClientTransitions, toString(ClientState::AwaitingGreeting), toString(ClientState::Done));
}

}  // namespace netstage::ftp
