#pragma once
// The server and client state diagrams in Mermaid syntax, printed from the
// transition tables in state.hpp so the pictures in docs/smtp.md cannot drift
// from the code (a test compares them).

#include <string>
#include <string_view>

#include "protocols/smtp/state.hpp"

namespace netstage::smtp {

std::string_view stateName(ServerState state);
std::string_view triggerName(const ServerTrigger& trigger);
std::string serverStateDiagramMermaid();

std::string_view clientStateName(ClientState state);
std::string_view clientTriggerName(ClientTrigger trigger);
std::string clientStateDiagramMermaid();

}  // namespace netstage::smtp
