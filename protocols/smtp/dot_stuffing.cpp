#include "protocols/smtp/dot_stuffing.hpp"

namespace netstage::smtp {

std::vector<std::string> stuffedDataLines(std::string_view message) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < message.size()) {
        const std::size_t lf = message.find('\n', start);
        std::size_t end = lf == std::string_view::npos ? message.size() : lf;
        const std::size_t next = lf == std::string_view::npos ? message.size() : lf + 1;
        if (end > start && message[end - 1] == '\r') --end;
        std::string line;
        if (end > start && message[start] == '.') line.push_back('.');
        line.append(message.substr(start, end - start));
        lines.push_back(std::move(line));
        start = next;
    }
    return lines;
}

std::string_view unstuffDataLine(std::string_view line) {
    if (!line.empty() && line.front() == '.') line.remove_prefix(1);
    return line;
}

}  // namespace netstage::smtp
