#pragma once
// The IMAP server state diagram in Mermaid syntax, printed from
// kServerTransitions (state.hpp) so the picture in docs/imap.md cannot drift
// from the code.

#include <string>

namespace netstage::imap {

std::string serverStateDiagramMermaid();

}  // namespace netstage::imap
