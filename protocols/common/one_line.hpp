#pragma once
// The guard every engine puts before a line it writes: text handed in by our
// own code (a configured reply text, a scripted file name, an address) that
// holds CR or LF would put a second line on the wire, out of step with the
// dialogue, so it is a programming error and throws. Text from the peer never
// gets here with a line break: each engine refuses such a command with its
// protocol's own error first.

#include <stdexcept>
#include <string>
#include <string_view>

namespace netstage::proto {

inline bool isOneLine(std::string_view text) { return text.find_first_of("\r\n") == std::string_view::npos; }

// Throws std::invalid_argument naming `what` if `text` holds CR or LF.
inline void requireOneLine(std::string_view text, std::string_view what) {
    if (!isOneLine(text)) {
        throw std::invalid_argument(std::string{what} + " holds a CR or LF, which would put a line of its own on the wire");
    }
}

}  // namespace netstage::proto
