#pragma once
// The POP3 state diagrams in Mermaid syntax, printed from the tables in
// state.hpp so the pictures in docs/pop3.md cannot drift from the code
// (a test compares them).

#include <string>

namespace netstage::pop3 {

std::string serverStateDiagramMermaid();
std::string clientStateDiagramMermaid();

}  // namespace netstage::pop3
