#include "protocols/pop3/dot_stuffing.hpp"

namespace netstage::pop3 {

std::vector<std::string> splitLines(std::string_view content) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < content.size()) {
        const std::size_t lf = content.find('\n', start);
        std::size_t end = lf == std::string_view::npos ? content.size() : lf;
        const std::size_t next = lf == std::string_view::npos ? content.size() : lf + 1;
        if (end > start && content[end - 1] == '\r') --end;
        lines.emplace_back(content.substr(start, end - start));
        start = next;
    }
    return lines;
}

std::string stuffLine(std::string_view line) {
    if (!line.empty() && line.front() == '.') return "." + std::string{line};
    return std::string{line};
}

std::string_view unstuffLine(std::string_view line) {
    if (!line.empty() && line.front() == '.') line.remove_prefix(1);
    return line;
}

bool isTerminator(std::string_view line) { return line == "."; }

}  // namespace netstage::pop3
