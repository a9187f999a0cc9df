#include "protocols/mail/message.hpp"

namespace netstage::mail {

namespace {

bool isWsp(char c) { return c == ' ' || c == '\t'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trimWsp(std::string_view text) {
    while (!text.empty() && isWsp(text.front())) text.remove_prefix(1);
    while (!text.empty() && isWsp(text.back())) text.remove_suffix(1);
    return text;
}

// RFC 5322 §3.6.8: printable US-ASCII except the colon.
bool isFieldNameChar(char c) { return c >= 33 && c <= 126 && c != ':'; }

struct RawLine {
    std::string_view text;  // without its line ending
    std::size_t offset;     // where it starts in the input
    std::size_t next;       // where the following line starts
};

std::optional<RawLine> lineAt(std::string_view input, std::size_t offset) {
    if (offset >= input.size()) return std::nullopt;
    const std::size_t lf = input.find('\n', offset);
    if (lf == std::string_view::npos) return RawLine{input.substr(offset), offset, input.size()};
    std::size_t end = lf;
    if (end > offset && input[end - 1] == '\r') --end;
    return RawLine{input.substr(offset, end - offset), offset, lf + 1};
}

}  // namespace

Result<InternetMessage> parseMessage(std::string_view text) {
    InternetMessage message;
    std::size_t offset = 0;
    while (auto line = lineAt(text, offset)) {
        offset = line->next;
        if (line->text.empty()) {
            message.body.assign(text.substr(offset));
            return message;
        }
        if (isWsp(line->text.front())) {
            if (message.headers.empty()) {
                return ParseError{line->offset, "continuation line before any header field"};
            }
            HeaderField& field = message.headers.back();
            field.raw.append("\r\n").append(line->text);
            // Unfolding removes only the line break; the whitespace stays (§2.2.3).
            field.value = std::string{trimWsp(field.value + std::string{line->text})};
            continue;
        }
        const std::size_t colon = line->text.find(':');
        if (colon == std::string_view::npos) {
            return ParseError{line->offset, "expected a header field (name: value)"};
        }
        // obs-field-name (§4.5) allows whitespace before the colon; accept and drop it.
        const std::string_view name = trimWsp(line->text.substr(0, colon));
        if (name.empty()) return ParseError{line->offset, "empty header field name"};
        for (std::size_t i = 0; i < name.size(); ++i) {
            if (!isFieldNameChar(name[i])) {
                return ParseError{line->offset + i, "invalid character in header field name"};
            }
        }
        message.headers.push_back(HeaderField{std::string{name},
                                              std::string{trimWsp(line->text.substr(colon + 1))},
                                              std::string{line->text}});
    }
    // Header fields only, no separator and no body.
    return message;
}

std::string serialize(const InternetMessage& message) {
    std::string out;
    for (const HeaderField& field : message.headers) {
        if (field.raw.empty()) {
            out.append(field.name).append(": ").append(field.value);
        } else {
            out.append(field.raw);
        }
        out.append("\r\n");
    }
    out.append("\r\n");
    for (std::size_t i = 0; i < message.body.size(); ++i) {
        const char c = message.body[i];
        if (c == '\n' && (i == 0 || message.body[i - 1] != '\r')) out.push_back('\r');
        out.push_back(c);
    }
    return out;
}

const HeaderField* findHeader(const InternetMessage& message, std::string_view name) {
    for (const HeaderField& field : message.headers) {
        if (equalsIgnoreCase(field.name, name)) return &field;
    }
    return nullptr;
}

std::optional<std::string> headerValue(const InternetMessage& message, std::string_view name) {
    if (const HeaderField* field = findHeader(message, name)) return field->value;
    return std::nullopt;
}

std::vector<std::string> headerValues(const InternetMessage& message, std::string_view name) {
    std::vector<std::string> values;
    for (const HeaderField& field : message.headers) {
        if (equalsIgnoreCase(field.name, name)) values.push_back(field.value);
    }
    return values;
}

HeaderField makeField(std::string_view name, std::string_view value) {
    std::string raw{name};
    raw.append(": ").append(value);
    return HeaderField{std::string{name}, std::string{value}, std::move(raw)};
}

void prependHeader(InternetMessage& message, HeaderField field) {
    message.headers.insert(message.headers.begin(), std::move(field));
}

bool isAscii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) > 127) return false;
    }
    return true;
}

}  // namespace netstage::mail
