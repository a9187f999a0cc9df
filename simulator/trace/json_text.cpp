#include "simulator/trace/json_text.hpp"

#include <nlohmann/json.hpp>

namespace netstage::trace {

void appendJsonString(std::string_view text, std::string& out) {
    bool ascii = true;
    bool plain = true;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) {
            ascii = false;
            break;
        }
        if (byte < 0x20 || c == '"' || c == '\\') plain = false;
    }
    if (!ascii) {
        // UTF-8 is checked and repaired by the library, whose output the
        // format has always been; such text is rare in a trace.
        out += nlohmann::json(std::string{text}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out += '"';
    if (plain) {
        out += text;
    } else {
        static constexpr char hexDigits[] = "0123456789abcdef";
        for (const char c : text) {
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default:
                    if (static_cast<unsigned char>(c) < 0x20) {
                        out += "\\u00";
                        out += hexDigits[(c >> 4) & 0xf];
                        out += hexDigits[c & 0xf];
                    } else {
                        out += c;
                    }
            }
        }
    }
    out += '"';
}

}  // namespace netstage::trace
