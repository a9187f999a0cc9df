#include "protocols/mail/header_fields.hpp"

namespace netstage::mime {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

struct Line {
    std::string_view content;  // without the line ending
    std::size_t next;          // where the following line starts
};

Line lineAt(std::string_view text, std::size_t pos) {
    const std::size_t lf = text.find('\n', pos);
    const std::size_t next = lf == std::string_view::npos ? text.size() : lf + 1;
    std::string_view content = text.substr(pos, next - pos);
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.remove_suffix(1);
    return Line{content, next};
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool looksLikeField(std::string_view line) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view name = trimmed(line.substr(0, colon));
    if (name.empty()) return false;
    for (const char c : name) {
        if (c <= 32 || c >= 127) return false;
    }
    return true;
}

}  // namespace

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::size_t headerLength(std::string_view text, HeaderRule rule) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const Line line = lineAt(text, pos);
        if (line.content.empty()) return line.next;
        if (rule == HeaderRule::BodyPart) {
            const bool continuation = (line.content.front() == ' ' || line.content.front() == '\t') && pos > 0;
            if (!continuation && !looksLikeField(line.content)) return pos;
        }
        pos = line.next;
    }
    return text.size();
}

std::vector<FieldView> splitFields(std::string_view header) {
    std::vector<FieldView> fields;
    std::size_t pos = 0;
    while (pos < header.size()) {
        const Line line = lineAt(header, pos);
        if (line.content.empty()) break;
        if ((line.content.front() == ' ' || line.content.front() == '\t') && !fields.empty()) {
            FieldView& last = fields.back();
            const auto start = static_cast<std::size_t>(last.raw.data() - header.data());
            last.raw = header.substr(start, line.next - start);
        } else {
            const std::size_t colon = line.content.find(':');
            const std::string_view name = colon == std::string_view::npos ? line.content : line.content.substr(0, colon);
            fields.push_back(FieldView{trimmed(name), header.substr(pos, line.next - pos)});
        }
        pos = line.next;
    }
    return fields;
}

std::string unfoldedValue(const FieldView& field) {
    std::string_view value = field.raw;
    const std::size_t colon = value.find(':');
    value = colon == std::string_view::npos ? std::string_view{} : value.substr(colon + 1);
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\r' || c == '\n') continue;
        out.push_back(c == '\t' ? ' ' : c);
    }
    return std::string{trimmed(out)};
}

std::optional<std::string> findField(std::string_view header, std::string_view name) {
    for (const FieldView& field : splitFields(header)) {
        if (equalsIgnoreCase(field.name, name)) return unfoldedValue(field);
    }
    return std::nullopt;
}

}  // namespace netstage::mime
