#pragma once
// The HTTP state diagrams in Mermaid syntax, printed from the tables in
// state.hpp so the pictures in docs/http.md cannot drift from the code
// (a test compares them).

#include <string>

namespace netstage::http {

std::string serverStateDiagramMermaid();
std::string clientStateDiagramMermaid();

}  // namespace netstage::http
