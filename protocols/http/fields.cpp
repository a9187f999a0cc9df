#include "protocols/http/fields.hpp"

#include "protocols/common/line_reader.hpp"

namespace netstage::http {

void HeaderFields::add(std::string name, std::string value) { fields_.push_back({std::move(name), std::move(value)}); }

void HeaderFields::continueLast(std::string_view more) {
    if (fields_.empty()) return;
    fields_.back().value += ' ';
    fields_.back().value += more;
}

std::optional<std::string_view> HeaderFields::get(std::string_view name) const {
    for (const auto& field : fields_) {
        if (proto::iequals(field.name, name)) return std::string_view{field.value};
    }
    return std::nullopt;
}

std::size_t HeaderFields::count(std::string_view name) const {
    std::size_t n = 0;
    for (const auto& field : fields_) n += proto::iequals(field.name, name) ? 1 : 0;
    return n;
}

std::vector<std::string_view> HeaderFields::elements(std::string_view name) const {
    std::vector<std::string_view> out;
    for (const auto& field : fields_) {
        if (!proto::iequals(field.name, name)) continue;
        std::string_view rest{field.value};
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            const std::string_view element = proto::trimSpaces(rest.substr(0, comma));
            if (!element.empty()) out.push_back(element);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    return out;
}

bool HeaderFields::hasToken(std::string_view name, std::string_view token) const {
    for (const std::string_view element : elements(name)) {
        if (proto::iequals(element, token)) return true;
    }
    return false;
}

bool isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view{"!#$%&'*+-.^_`|~"}.find(c) != std::string_view::npos;
}

bool isToken(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text) {
        if (!isTokenChar(c)) return false;
    }
    return true;
}

FieldParse parseFieldLine(std::string_view line) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return {std::nullopt, "header field line without a colon"};
    const std::string_view name = line.substr(0, colon);
    if (name.empty()) return {std::nullopt, "header field without a name"};
    if (name.back() == ' ' || name.back() == '\t') {
        return {std::nullopt, "whitespace between the field name and the colon"};  // RFC 9112 §5.1: MUST reject
    }
    if (!isToken(name)) return {std::nullopt, "field name is not a token"};
    const std::string_view value = proto::trimSpaces(line.substr(colon + 1));
    for (const char c : value) {
        const auto octet = static_cast<unsigned char>(c);
        if ((octet < 0x20 && c != '\t') || octet == 0x7f) {
            return {std::nullopt, "control character in a field value"};  // RFC 9110 §5.5: CR, LF, NUL
        }
    }
    return {Field{std::string{name}, std::string{value}}, {}};
}

ContentLength parseContentLength(const HeaderFields& fields) {
    ContentLength result;
    std::optional<std::string_view> first;
    for (const std::string_view element : fields.elements("Content-Length")) {
        for (const char c : element) {
            if (c < '0' || c > '9') return {};
        }
        if (first && *first != element) return {};  // differing values: the framing is unknown
        first = element;
    }
    if (fields.has("Content-Length") && !first) return {};  // an empty value
    if (!first) return {};
    std::string_view digits = *first;
    while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
    if (digits.size() > 15) {
        result.overflow = true;
        return result;
    }
    std::size_t value = 0;
    for (const char c : digits) value = value * 10 + static_cast<std::size_t>(c - '0');
    result.length = value;
    return result;
}

}  // namespace netstage::http
