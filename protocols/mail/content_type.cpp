#include "protocols/mail/content_type.hpp"

#include <algorithm>
#include <map>

namespace netstage::mime {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) out.push_back(lower(c));
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool isTspecial(char c) { return std::string_view{"()<>@,;:\\\"/[]?="}.find(c) != std::string_view::npos; }
bool isTokenChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 32 && u < 127 && !isTspecial(c);
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// A cursor over a header value that skips folding whitespace and comments.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_{text} {}

    bool atEnd() {
        skipBlanks();
        return pos_ >= text_.size();
    }
    bool consume(char c) {
        skipBlanks();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    std::string_view token() {
        skipBlanks();
        const std::size_t start = pos_;
        while (pos_ < text_.size() && isTokenChar(text_[pos_])) ++pos_;
        return text_.substr(start, pos_ - start);
    }
    // A quoted string or, leniently, anything up to ';' or whitespace.
    std::string value() {
        skipBlanks();
        std::string out;
        if (pos_ < text_.size() && text_[pos_] == '"') {
            ++pos_;
            while (pos_ < text_.size() && text_[pos_] != '"') {
                if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
                if (text_[pos_] != '\r' && text_[pos_] != '\n') out.push_back(text_[pos_]);
                ++pos_;
            }
            if (pos_ < text_.size()) ++pos_;
            return out;
        }
        while (pos_ < text_.size() && text_[pos_] != ';' && text_[pos_] != ' ' && text_[pos_] != '\t' &&
               text_[pos_] != '\r' && text_[pos_] != '\n') {
            out.push_back(text_[pos_++]);
        }
        return out;
    }
    // Drops everything up to the next ';' (recovery from a malformed parameter).
    void skipToSemicolon() {
        while (pos_ < text_.size() && text_[pos_] != ';') ++pos_;
    }

private:
    void skipBlanks() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++pos_;
            } else if (c == '(') {
                int depth = 0;
                while (pos_ < text_.size()) {
                    const char d = text_[pos_++];
                    if (d == '\\') ++pos_;
                    else if (d == '(') ++depth;
                    else if (d == ')' && --depth == 0) break;
                }
            } else {
                break;
            }
        }
    }
    std::string_view text_;
    std::size_t pos_ = 0;
};

std::string percentDecoded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

// The pieces of one RFC 2231 parameter before they are joined.
struct Pending {
    std::size_t order = 0;  // first appearance, to keep parameters in order
    bool plain = false;     // seen without sections: a plain or "name*" parameter, final
    Parameter whole;
    std::map<unsigned, std::pair<bool, std::string>> sections;  // number -> (extended, raw value)
};

// RFC 2231 caps nothing, but a value of a thousand sections is an attack, not a file name.
constexpr unsigned maxSections = 1000;

}  // namespace

const Parameter* ParameterizedValue::find(std::string_view name) const {
    for (const Parameter& p : parameters) {
        if (equalsIgnoreCase(p.name, name)) return &p;
    }
    return nullptr;
}

ParameterizedValue parseParameterizedValue(std::string_view text) {
    ParameterizedValue out;
    Scanner s{text};
    // The value itself: "type/subtype" or a single token.
    std::string value{s.token()};
    if (s.consume('/')) value += "/" + std::string{s.token()};
    out.value = lowered(value);

    std::map<std::string, Pending> pending;
    std::size_t order = 0;
    while (!s.atEnd()) {
        if (!s.consume(';')) {
            s.skipToSemicolon();
            continue;
        }
        const std::string rawName = lowered(s.token());
        if (rawName.empty() || !s.consume('=')) {
            s.skipToSemicolon();
            continue;
        }
        const std::string rawValue = s.value();
        // name, name*, name*N, name*N*
        std::string name = rawName;
        bool extended = false;
        std::optional<unsigned> section;
        if (const auto star = rawName.find('*'); star != std::string::npos) {
            name = rawName.substr(0, star);
            std::string_view rest = std::string_view{rawName}.substr(star + 1);
            if (!rest.empty() && rest.back() == '*') {
                extended = true;
                rest.remove_suffix(1);
            } else if (rest.empty()) {
                extended = true;
            }
            if (!rest.empty()) {
                unsigned n = 0;
                bool digits = rest.size() <= 4;
                for (const char c : rest) {
                    if (c < '0' || c > '9') digits = false;
                    else n = n * 10 + static_cast<unsigned>(c - '0');
                }
                if (!digits || n >= maxSections) continue;
                section = n;
            }
        }
        if (name.empty()) continue;
        auto [it, inserted] = pending.try_emplace(name);
        Pending& p = it->second;
        if (inserted) p.order = order++;
        if (p.plain) continue;  // the first occurrence wins
        if (section) {
            p.sections.try_emplace(*section, extended, rawValue);
        } else if (p.sections.empty()) {
            p.plain = true;
            p.whole.name = name;
            if (extended) {
                // charset'language'percent-encoded
                const auto q1 = rawValue.find('\'');
                const auto q2 = q1 == std::string::npos ? std::string::npos : rawValue.find('\'', q1 + 1);
                if (q2 != std::string::npos) {
                    p.whole.charset = lowered(std::string_view{rawValue}.substr(0, q1));
                    p.whole.language = rawValue.substr(q1 + 1, q2 - q1 - 1);
                    p.whole.value = percentDecoded(std::string_view{rawValue}.substr(q2 + 1));
                } else {
                    p.whole.value = percentDecoded(rawValue);
                }
            } else {
                p.whole.value = rawValue;
            }
        }
    }

    std::vector<std::pair<std::size_t, Parameter>> ordered;
    for (auto& [name, p] : pending) {
        if (!p.plain) {
            p.whole.name = name;
            // Sections join in order from 0 and stop at the first gap (RFC 2231 §3).
            unsigned expected = 0;
            for (const auto& [number, section] : p.sections) {
                if (number != expected++) break;
                const auto& [extended, raw] = section;
                std::string_view chunk = raw;
                if (extended && number == 0) {
                    const auto q1 = chunk.find('\'');
                    const auto q2 = q1 == std::string_view::npos ? std::string_view::npos : chunk.find('\'', q1 + 1);
                    if (q2 != std::string_view::npos) {
                        p.whole.charset = lowered(chunk.substr(0, q1));
                        p.whole.language = std::string{chunk.substr(q1 + 1, q2 - q1 - 1)};
                        chunk = chunk.substr(q2 + 1);
                    }
                }
                p.whole.value += extended ? percentDecoded(chunk) : std::string{chunk};
            }
            if (expected == 0 || p.sections.find(0) == p.sections.end()) continue;
        }
        ordered.emplace_back(p.order, std::move(p.whole));
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [position, parameter] : ordered) out.parameters.push_back(std::move(parameter));
    return out;
}

std::string formatParameter(std::string_view name, std::string_view value) {
    std::string out = "; ";
    out.append(name);
    const bool printable = std::all_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 32 && u < 127;
    });
    if (!printable) {
        out.append("*=utf-8''");
        constexpr std::string_view hex = "0123456789ABCDEF";
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if (isTokenChar(c) && c != '%' && c != '\'' && c != '*') {
                out.push_back(c);
            } else {
                out.push_back('%');
                out.push_back(hex[u >> 4]);
                out.push_back(hex[u & 15]);
            }
        }
        return out;
    }
    const bool token = !value.empty() && std::all_of(value.begin(), value.end(), isTokenChar);
    if (token) return out.append("=").append(value);
    out.append("=\"");
    for (const char c : value) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out.append("\"");
}

std::optional<std::string> ContentType::parameter(std::string_view name) const {
    for (const Parameter& p : parameters) {
        if (equalsIgnoreCase(p.name, name)) return p.value;
    }
    return std::nullopt;
}

std::optional<std::string> ContentDisposition::parameter(std::string_view name) const {
    for (const Parameter& p : parameters) {
        if (equalsIgnoreCase(p.name, name)) return p.value;
    }
    return std::nullopt;
}

ContentType defaultContentType() {
    ContentType type;
    type.parameters.push_back(Parameter{"charset", "us-ascii", "", ""});
    return type;
}

ContentType parseContentType(std::string_view value, const ContentType& fallback) {
    ParameterizedValue parsed = parseParameterizedValue(value);
    const auto slash = parsed.value.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == parsed.value.size()) return fallback;
    ContentType type;
    type.type = parsed.value.substr(0, slash);
    type.subtype = parsed.value.substr(slash + 1);
    type.parameters = std::move(parsed.parameters);
    return type;
}

ContentDisposition parseContentDisposition(std::string_view value) {
    ParameterizedValue parsed = parseParameterizedValue(value);
    return ContentDisposition{std::move(parsed.value), std::move(parsed.parameters)};
}

}  // namespace netstage::mime
