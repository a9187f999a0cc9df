#include "programs/terminal_words.hpp"

namespace netstage::programs {

std::vector<std::string> splitWords(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : line) {
        if (c == ' ' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string displayText(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\r') {
            // A CR at the end of a chunk is taken to start a CRLF split across two.
            if (i + 1 == bytes.size() || bytes[i + 1] == '\n') continue;
            out += '\n';
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            out += '.';
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string shortened(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::string{text};
    return std::string{text.substr(0, limit)} + "...";
}

std::string lowercase(std::string_view text) {
    std::string out{text};
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string uppercase(std::string_view text) {
    std::string out{text};
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

}  // namespace netstage::programs
