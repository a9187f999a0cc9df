#pragma once
// The IMAP server state diagram in Mermaid syntax, printed from the table in
// state.hpp so the picture in docs/imap.md cannot drift from the code.

#include <string>

namespace netstage::imap {

std::string stateDiagramMermaid();

}  // namespace netstage::imap
