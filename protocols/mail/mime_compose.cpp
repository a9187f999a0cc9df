#include "protocols/mail/mime_compose.hpp"

#include <cstdint>

#include "protocols/mail/content_type.hpp"
#include "protocols/mail/encoded_word.hpp"
#include "protocols/mail/header_fields.hpp"
#include "protocols/mail/transfer_encoding.hpp"

namespace netstage::mime {

namespace {

bool isAddressField(std::string_view name) {
    for (const std::string_view known : {"From", "To", "Cc", "Bcc", "Reply-To", "Sender"}) {
        if (equalsIgnoreCase(name, known)) return true;
    }
    return false;
}

bool isAscii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) > 127) return false;
    }
    return true;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// "Zoë Ça <zoe@example.org>, bob@example.org": only the display names become
// encoded-words. A line break has no place in an address list: it becomes a
// space, so a value cannot add a field.
std::string encodeAddressList(std::string_view original) {
    std::string flat{original};
    for (char& c : flat) {
        if (c == '\r' || c == '\n') c = ' ';
    }
    const std::string_view value = flat;
    std::vector<std::string_view> addresses;
    bool quoted = false, angle = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (quoted) {
            if (c == '\\') ++i;
            else if (c == '"') quoted = false;
        } else if (c == '"') quoted = true;
        else if (c == '<') angle = true;
        else if (c == '>') angle = false;
        else if (c == ',' && !angle) {
            addresses.push_back(value.substr(start, i - start));
            start = i + 1;
        }
    }
    addresses.push_back(value.substr(start));
    std::string out;
    for (std::string_view address : addresses) {
        address = trimmed(address);
        if (!out.empty()) out += ", ";
        const std::size_t open = address.find('<');
        if (isAscii(address) || open == std::string_view::npos) {
            out += address;
            continue;
        }
        std::string_view phrase = trimmed(address.substr(0, open));
        if (phrase.size() >= 2 && phrase.front() == '"' && phrase.back() == '"') phrase = phrase.substr(1, phrase.size() - 2);
        out += encodeHeaderText(phrase, true);
        out += " ";
        out += address.substr(open);
    }
    return out;
}

std::string toCrlf(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
        out.push_back(text[i]);
    }
    return out;
}

// A body part: its MIME header fields, the empty line, its encoded body.
std::string textPart(std::string_view subtype, std::string_view text, bool eightBit) {
    std::string part = "Content-Type: text/";
    part.append(subtype);
    if (eightBit && !isAscii(text) && fitsEightBit(text)) {
        part += "; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        part += toCrlf(text);
    } else if (needsQuotedPrintable(text)) {
        part += "; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
        part += encodeQuotedPrintable(text);
    } else {
        part += "; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n";
        part += toCrlf(text);
    }
    return part;
}

std::string attachmentPart(const Attachment& a) {
    std::string part = "Content-Type: " + (a.contentType.empty() ? std::string{"application/octet-stream"} : a.contentType);
    if (!a.fileName.empty()) part += formatParameter("name", a.fileName);
    part += "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: ";
    part += a.inlineDisposition ? "inline" : "attachment";
    if (!a.fileName.empty()) part += formatParameter("filename", a.fileName);
    part += "\r\n\r\n";
    part += encodeBase64(a.data);
    return part;
}

std::uint64_t fnv1a(std::uint64_t hash, std::string_view data) {
    for (const char c : data) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// A boundary that occurs in none of the parts (RFC 2046 §5.1.1). "=_" cannot
// start a quoted-printable escape and is not base64, so only 7bit text can hold it.
std::string boundaryFor(const std::vector<std::string>& parts, std::string_view kind) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    hash = fnv1a(hash, kind);
    for (const std::string& p : parts) hash = fnv1a(hash, p);
    constexpr std::string_view hex = "0123456789abcdef";
    for (std::uint64_t salt = 0;; ++salt) {
        std::uint64_t h = fnv1a(hash, std::string_view{reinterpret_cast<const char*>(&salt), sizeof salt});
        std::string boundary = "=_NetStage_";
        boundary += kind;
        boundary += "_";
        for (int i = 0; i < 16; ++i, h >>= 4) boundary.push_back(hex[h & 15]);
        bool clash = false;
        for (const std::string& p : parts) clash = clash || p.find(boundary) != std::string::npos;
        if (!clash) return boundary;
    }
}

std::string multipart(std::string_view subtype, const std::vector<std::string>& parts) {
    const std::string boundary = boundaryFor(parts, subtype);
    std::string out = "Content-Type: multipart/";
    out.append(subtype).append("; boundary=\"").append(boundary).append("\"\r\n\r\n");
    for (const std::string& p : parts) {
        out.append("--").append(boundary).append("\r\n").append(p).append("\r\n");
    }
    out.append("--").append(boundary).append("--\r\n");
    return out;
}

}  // namespace

bool needsQuotedPrintable(std::string_view text) {
    std::size_t lineLength = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto u = static_cast<unsigned char>(text[i]);
        if (u > 127 || u == 0) return true;
        if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) return true;
        if (text[i] == '\n') {
            lineLength = 0;
        } else if (text[i] != '\r' && ++lineLength > 998) {
            return true;
        }
    }
    return false;
}

bool fitsEightBit(std::string_view text) {
    std::size_t lineLength = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\0') return false;
        if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) return false;
        if (text[i] == '\n') lineLength = 0;
        else if (text[i] != '\r' && ++lineLength > 998) return false;
    }
    return true;
}

std::string composeMimeMessage(const MimeMessageSpec& spec) {
    std::string out;
    for (const auto& [name, value] : spec.headers) {
        out += name;
        out += ": ";
        out += isAddressField(name) ? encodeAddressList(value) : encodeHeaderText(value, false, name.size() + 2);
        out += "\r\n";
    }
    out += "MIME-Version: 1.0\r\n";

    std::string body = textPart("plain", spec.text, spec.eightBitText);
    if (spec.html) body = multipart("alternative", {body, textPart("html", *spec.html, spec.eightBitText)});
    if (!spec.attachments.empty()) {
        std::vector<std::string> parts{std::move(body)};
        for (const Attachment& a : spec.attachments) parts.push_back(attachmentPart(a));
        body = multipart("mixed", parts);
    }
    out += body;
    return out;
}

}  // namespace netstage::mime
