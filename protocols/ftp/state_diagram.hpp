#pragma once
// The state diagrams in Mermaid syntax, printed from kServerTransitions and
// kClientTransitions (state.hpp) so the pictures in docs/ftp.md cannot drift
// from the code (a test compares them).

#include <string>

#include "protocols/ftp/state.hpp"

namespace netstage::ftp {

std::string serverStateDiagramMermaid();
std::string clientStateDiagramMermaid();

}  // namespace netstage::ftp
