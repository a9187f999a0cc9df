#pragma once
// The server state diagram in Mermaid syntax, printed from kServerTransitions
// (state.hpp) so the picture in docs/ftp.md cannot drift from the code (a
// test compares the two).

#include <string>

#include "protocols/ftp/state.hpp"

namespace netstage::ftp {

std::string serverStateDiagramMermaid();

}  // namespace netstage::ftp
