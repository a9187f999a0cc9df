#pragma once
// The server state diagram in Mermaid syntax, printed from the transition
// table in state.hpp so the picture in docs/smtp.md cannot drift from the code
// (a test compares the two).

#include <string>
#include <string_view>

#include "protocols/smtp/state.hpp"

namespace netstage::smtp {

std::string_view stateName(ServerState state);
std::string serverStateDiagramMermaid();

}  // namespace netstage::smtp
