#include "gui/model/document_source.hpp"

#include <cctype>
#include <fstream>

#include "simulator/trace/json_lines_reader.hpp"

namespace netstage::gui {

namespace {
bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads a run of digits at `at`, advancing it; -1 when there are none.
int readNumber(const std::string& text, std::size_t& at) {
    const std::size_t begin = at;
    int value = 0;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) && at - begin < 9) {
        value = value * 10 + (text[at] - '0');
        ++at;
    }
    return at == begin ? -1 : value;
}
}  // namespace

std::string LoadError::location() const {
    std::string text = file;
    if (line > 0) text += ":" + std::to_string(line);
    if (line > 0 && column > 0) text += ":" + std::to_string(column);
    return text;
}

std::string LoadError::toString() const { return location() + ": " + message; }

std::string quoteLine(const std::string& path, int line) {
    if (line <= 0) return {};
    std::ifstream in{path, std::ios::binary};
    std::string text;
    for (int i = 1; i <= line; ++i) {
        if (!std::getline(in, text)) return {};
    }
    if (!text.empty() && text.back() == '\r') text.pop_back();
    constexpr std::size_t longest = 200;  // a JSON trace line can be kilobytes of hex
    if (text.size() > longest) text = text.substr(0, longest) + "...";
    return text;
}

LoadResult readTraceFile(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) return LoadError{path, 0, 0, "cannot open the file", {}};
    trace::TraceReadResult result = trace::JsonLinesReader::read(in);
    if (!result.ok()) {
        const auto& error = result.error();
        const int line = static_cast<int>(error.line);
        return LoadError{path, line, 0, error.message, quoteLine(path, line)};
    }
    return std::move(result).log();
}

LoadError parseLocatedMessage(const std::string& text, const std::string& fallbackFile) {
    // The file name may itself hold ':' (rare); the location is the last
    // "name:digits[:digits]: " prefix before the message.
    for (std::size_t colon = text.find(':'); colon != std::string::npos; colon = text.find(':', colon + 1)) {
        std::size_t at = colon + 1;
        const int line = readNumber(text, at);
        if (line < 0) continue;
        int column = 0;
        if (at < text.size() && text[at] == ':' && at + 1 < text.size() &&
            std::isdigit(static_cast<unsigned char>(text[at + 1]))) {
            ++at;
            column = readNumber(text, at);
        }
        if (text.compare(at, 2, ": ") != 0) continue;
        LoadError error{text.substr(0, colon), line, column, text.substr(at + 2), {}};
        error.quote = quoteLine(error.file, line);
        return error;
    }
    if (text.compare(0, fallbackFile.size() + 2, fallbackFile + ": ") == 0) {
        return LoadError{fallbackFile, 0, 0, text.substr(fallbackFile.size() + 2), {}};
    }
    return LoadError{fallbackFile, 0, 0, text, {}};
}

bool isScenarioPath(const std::string& path) { return endsWith(path, ".yaml") || endsWith(path, ".yml"); }

}  // namespace netstage::gui
