#include "protocols/mail/encoded_word.hpp"

#include <algorithm>
#include <optional>

#include "protocols/mail/transfer_encoding.hpp"

namespace netstage::mime {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view text) {
    std::string out;
    for (const char c : text) out.push_back(lower(c));
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

void appendUtf8(std::string& out, unsigned codePoint) {
    if (codePoint < 0x80) {
        out.push_back(static_cast<char>(codePoint));
    } else {
        out.push_back(static_cast<char>(0xC0 | (codePoint >> 6)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    }
}

}  // namespace

std::string charsetToUtf8(std::string_view charset, std::string bytes) {
    if (charset == "iso-8859-1" || charset == "latin1" || charset == "iso8859-1" || charset == "windows-1252") {
        std::string out;
        for (const char c : bytes) appendUtf8(out, static_cast<unsigned char>(c));
        return out;
    }
    return bytes;
}

namespace {

// "Q" (§4.2): "_" is a space, "=XY" an octet.
std::optional<std::string> decodeQ(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            out.push_back(' ');
        } else if (c == '=') {
            if (i + 2 >= text.size() || hexValue(text[i + 1]) < 0 || hexValue(text[i + 2]) < 0) return std::nullopt;
            out.push_back(static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

struct Word {
    std::size_t length = 0;  // characters the encoded-word takes in the input
    std::string text;        // decoded, UTF-8 where the charset is known
};

// An encoded-word starting at `pos` ("=?charset?enc?text?="), or nullopt.
std::optional<Word> encodedWordAt(std::string_view value, std::size_t pos) {
    if (value.compare(pos, 2, "=?") != 0) return std::nullopt;
    const std::size_t q1 = value.find('?', pos + 2);
    if (q1 == std::string_view::npos || q1 + 2 >= value.size() || value[q1 + 2] != '?') return std::nullopt;
    const std::size_t end = value.find("?=", q1 + 3);
    if (end == std::string_view::npos) return std::nullopt;
    std::string charset = lowered(value.substr(pos + 2, q1 - pos - 2));
    if (const auto star = charset.find('*'); star != std::string::npos) charset.resize(star);  // RFC 2231 §5 language
    const std::string_view payload = value.substr(q1 + 3, end - q1 - 3);
    if (charset.empty() || payload.find_first_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
    const char encoding = lower(value[q1 + 1]);
    std::string bytes;
    if (encoding == 'b') {
        bytes = decodeBase64(payload).bytes;
    } else if (encoding == 'q') {
        auto decoded = decodeQ(payload);
        if (!decoded) return std::nullopt;
        bytes = std::move(*decoded);
    } else {
        return std::nullopt;
    }
    return Word{end + 2 - pos, charsetToUtf8(charset, std::move(bytes))};
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string decodeHeaderText(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    std::size_t pos = 0;
    bool lastWasEncoded = false;
    std::size_t pendingBlank = 0;  // where blanks after an encoded word start in `out`
    while (pos < value.size()) {
        const char c = value[pos];
        if (c == '\r' || c == '\n') {
            ++pos;  // unfolding: the line break goes, the whitespace after it stays
            continue;
        }
        if (c == '=' && (pos == 0 || isBlank(value[pos - 1]) || lastWasEncoded)) {
            if (auto word = encodedWordAt(value, pos)) {
                // Blanks between two encoded-words are not part of the text (§6.2).
                if (lastWasEncoded) out.resize(pendingBlank);
                out += word->text;
                pos += word->length;
                lastWasEncoded = true;
                pendingBlank = out.size();
                continue;
            }
        }
        if (!isBlank(c)) lastWasEncoded = false;
        out.push_back(c);
        ++pos;
    }
    return out;
}

std::string encodeHeaderText(std::string_view text, bool phrase, std::size_t used) {
    bool ascii = true;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) > 127 || c == '\r' || c == '\n') ascii = false;
    }
    if (ascii) return std::string{text};

    constexpr std::string_view prefix = "=?utf-8?Q?";
    constexpr std::size_t maxWord = 75;
    constexpr std::string_view hex = "0123456789ABCDEF";
    auto literal = [&](char c) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
        if (phrase) return c == '!' || c == '*' || c == '+' || c == '-' || c == '/';
        const auto u = static_cast<unsigned char>(c);
        return u > 32 && u < 127 && c != '=' && c != '?' && c != '_';
    };
    std::string out;
    std::string word{prefix};
    std::size_t i = 0;
    while (i < text.size()) {
        // One character: a whole UTF-8 sequence, so no word ends inside it.
        std::size_t length = 1;
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        length = std::min(length, text.size() - i);
        std::string unit;
        for (std::size_t k = 0; k < length; ++k) {
            const char c = text[i + k];
            if (c == ' ') {
                unit.push_back('_');
            } else if (literal(c)) {
                unit.push_back(c);
            } else {
                const auto u = static_cast<unsigned char>(c);
                unit.push_back('=');
                unit.push_back(hex[u >> 4]);
                unit.push_back(hex[u & 15]);
            }
        }
        // The first word shares its line with the field name (78 characters in all, RFC 5322 §2.1.1).
        const std::size_t limit = out.empty() ? std::max<std::size_t>(20, std::min(maxWord, 78 - std::min<std::size_t>(used, 58))) : maxWord;
        if (word.size() + unit.size() + 2 > limit && word.size() > prefix.size()) {
            out += word + "?=\r\n ";
            word = std::string{prefix};
        }
        word += unit;
        i += length;
    }
    out += word + "?=";
    return out;
}

}  // namespace netstage::mime
