#include "protocols/imap/body_structure.hpp"

#include "protocols/common/line_reader.hpp"
#include "protocols/imap/imap_syntax.hpp"
#include "protocols/imap/message_view.hpp"

namespace netstage::imap {

namespace {

std::string upper(std::string_view text) { return proto::asciiUpper(text); }

// body-fld-param: ("NAME" "value" ...) or NIL. An RFC 2231 value with a
// charset goes back to its extended form, so the string stays 7-bit.
std::string parameterList(const std::vector<mime::Parameter>& parameters) {
    if (parameters.empty()) return "NIL";
    std::string out = "(";
    for (const mime::Parameter& p : parameters) {
        if (out.size() > 1) out += ' ';
        if (p.charset.empty()) {
            out += stringOf(upper(p.name)) + " " + stringOf(p.value);
        } else {
            // formatParameter writes "; name*=charset''%XX" for a non-ASCII value.
            std::string encoded = p.charset + "'" + p.language + "'";
            constexpr std::string_view hex = "0123456789ABCDEF";
            for (const char c : p.value) {
                const auto u = static_cast<unsigned char>(c);
                const bool plain = (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
                                   c == '.' || c == '-' || c == '_';
                if (plain) {
                    encoded.push_back(c);
                } else {
                    encoded.push_back('%');
                    encoded.push_back(hex[u >> 4]);
                    encoded.push_back(hex[u & 15]);
                }
            }
            out += stringOf(upper(p.name) + "*") + " " + stringOf(encoded);
        }
    }
    return out + ")";
}

// Parts that could not be analysed are offered as what they are: text.
bool describedAsText(const mime::MimePart& part) {
    return part.opaque || (part.contentType.isMultipart() && part.children.empty()) ||
           (part.contentType.isMessageRfc822() && part.children.empty());
}

std::string quotedEncoding(const mime::MimePart& part) {
    return part.encodingName.empty() ? std::string{"\"7BIT\""} : stringOf(upper(part.encodingName));
}

std::string dispositionOf(const mime::MimePart& part) {
    const auto disposition = part.disposition();
    if (!disposition || disposition->type.empty()) return "NIL";
    return "(" + stringOf(upper(disposition->type)) + " " + parameterList(disposition->parameters) + ")";
}

std::string languageOf(const mime::MimePart& part) {
    const auto language = part.field("Content-Language");
    if (!language) return "NIL";
    std::vector<std::string> tags;
    std::string current;
    for (const char c : *language) {
        if (c == ',' || c == ' ' || c == '\t') {
            if (!current.empty()) tags.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) tags.push_back(std::move(current));
    if (tags.empty()) return "NIL";
    if (tags.size() == 1) return stringOf(tags[0]);
    std::string out = "(";
    for (const auto& tag : tags) out += (out.size() > 1 ? " " : "") + stringOf(tag);
    return out + ")";
}

std::string render(const mime::MimePart& part, bool extensions, bool legacy) {
    if (part.contentType.isMultipart() && !describedAsText(part)) {
        std::string out = "(";
        for (const mime::MimePart& child : part.children) out += render(child, extensions, false);
        out += " " + stringOf(upper(part.contentType.subtype));
        if (extensions) {
            out += " " + parameterList(part.contentType.parameters) + " " + dispositionOf(part) + " " +
                   languageOf(part) + " " + nstringOf(part.field("Content-Location"));
        }
        return out + ")";
    }
    const bool asText = describedAsText(part);
    const std::string type = asText ? "TEXT" : upper(part.contentType.type);
    const std::string subtype = asText ? "PLAIN" : upper(part.contentType.subtype);
    std::string params;
    if (legacy || !part.field("Content-Type")) {
        params = "(\"CHARSET\" \"US-ASCII\")";
    } else if (asText && part.contentType.isMultipart()) {
        params = "NIL";
    } else {
        params = parameterList(part.contentType.parameters);
    }
    std::string out = "(" + stringOf(type) + " " + stringOf(subtype) + " " + params + " " +
                      nstringOf(part.field("Content-ID")) + " " + nstringOf(part.field("Content-Description")) + " " +
                      quotedEncoding(part) + " " + std::to_string(part.body.size());
    if (!asText && part.contentType.isMessageRfc822()) {
        const mime::MimePart& inner = part.children.front();
        const std::string_view innerText{inner.header.data(), inner.header.size() + inner.body.size()};
        out += " " + MessageView{innerText}.envelope() + " " + bodyStructureOf(inner, extensions) + " " +
               std::to_string(part.lineCount());
    } else if (type == "TEXT") {
        out += " " + std::to_string(part.lineCount());
    }
    if (extensions && !legacy) {
        out += " " + nstringOf(part.field("Content-MD5")) + " " + dispositionOf(part) + " " + languageOf(part) + " " +
               nstringOf(part.field("Content-Location"));
    }
    return out + ")";
}

}  // namespace

std::string bodyStructureOf(const mime::MimePart& message, bool extensions) {
    // RFC 822 messages (no MIME header at all) keep the description they always had.
    const bool legacy = !message.field("MIME-Version") && !message.field("Content-Type") &&
                        !message.field("Content-Transfer-Encoding");
    return render(message, extensions, legacy);
}

std::string bodyStructure(std::string_view rawMessage, bool extensions) {
    return bodyStructureOf(mime::parseMimeMessage(rawMessage), extensions);
}

}  // namespace netstage::imap
