#pragma once
// Small text helpers the terminal's commands share. Internal to programs/.

#include <string>
#include <string_view>
#include <vector>

namespace netstage::programs {

// The words of a command line, split at spaces and tabs.
std::vector<std::string> splitWords(std::string_view line);
// Bytes from the network as a terminal shows them: CRLF and lone CR become
// LF's line breaks, other control bytes a '.', so nothing the server sends
// can move a cursor or ring a bell in the GUI.
std::string displayText(std::string_view bytes);
// Text quoted in an error message, cut to a readable length ("abc...").
std::string shortened(std::string_view text, std::size_t limit = 40);
std::string lowercase(std::string_view text);
std::string uppercase(std::string_view text);

}  // namespace netstage::programs
