#pragma once
// Text for Mermaid state diagrams printed from an engine's state table
// (docs show them; tests keep them equal to the table).

#include <string>
#include <string_view>

namespace netstage::proto {

// A state's name as a Mermaid node: Mermaid state names cannot contain '-'.
inline std::string mermaidNode(std::string_view name) {
    std::string out;
    for (const char c : name) out += c == '-' ? '_' : c;
    return out;
}

// A transition's label: Mermaid reads ':' as the label separator and ';' as a statement end.
inline std::string mermaidLabel(std::string_view text) {
    std::string out;
    for (const char c : text) out += (c == ':' || c == ';') ? ',' : c;
    return out;
}

}  // namespace netstage::proto
