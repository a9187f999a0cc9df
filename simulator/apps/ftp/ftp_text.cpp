#include "simulator/apps/ftp/ftp_text.hpp"

namespace netstage::apps {

std::vector<std::string> splitCrlfLines(std::string_view bytes) {
    std::vector<std::string> lines;
    while (!bytes.empty()) {
        const auto end = bytes.find("\r\n");
        if (end == std::string_view::npos) {
            lines.emplace_back(bytes);
            break;
        }
        lines.emplace_back(bytes.substr(0, end));
        bytes.remove_prefix(end + 2);
    }
    return lines;
}

std::string octetSummary(std::uint64_t bytes, std::string_view file) {
    return "<" + std::to_string(bytes) + (bytes == 1 ? " byte of " : " bytes of ") + std::string{file} + ">";
}

}  // namespace netstage::apps
