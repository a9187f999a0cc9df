#include "simulator/scenario/scenario_text.hpp"

namespace netstage::scenario {

std::string readLineText(const YamlValue& v, std::string_view what) {
    std::string text = v.asString();
    const std::size_t bad = text.find_first_of(std::string_view{"\r\n\0", 3});
    if (bad != std::string::npos) {
        const std::string at = " at character " + std::to_string(bad + 1);
        if (text[bad] == '\0') v.fail(std::string{what} + " holds a NUL" + at + ", which no protocol line may carry");
        const char* name = text[bad] == '\r' ? "a carriage return (CR)" : "a line feed (LF)";
        v.fail(std::string{what} + " must be one line, but it holds " + name + at +
               ": it would put a line of its own on the wire");
    }
    return text;
}

bool isHostName(std::string_view name) {
    if (name.empty() || name.size() > 253) return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = name.find('.', start);
        const std::string_view label = name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) return false;
        }
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

std::string readHostName(const YamlValue& v, std::string_view what) {
    std::string name = readLineText(v, what);
    if (!isHostName(name)) {
        v.fail("expected " + std::string{what} +
               " such as alice-pc or mail.crepes.fr (letters, digits and hyphens, in dot-separated labels of at most "
               "63 characters; RFC 1123), found '" + name + "'");
    }
    return name;
}

bool isMailAddress(std::string_view address) {
    const std::size_t at = address.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
    for (char c : address) {
        if (c <= ' ' || c >= 127 || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' || c == '"') {
            return false;
        }
    }
    return true;
}

std::string readMailAddress(const YamlValue& v) {
    std::string address = readLineText(v, "an e-mail address");
    if (!isMailAddress(address)) {
        v.fail("expected an e-mail address such as alice@crepes.fr (US-ASCII, no spaces, angle brackets or commas), found '" +
               address + "'");
    }
    return address;
}

}  // namespace netstage::scenario
