#include "protocols/mail/transfer_encoding.hpp"

#include <array>
#include <cstdint>

namespace netstage::mime {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowerTrimmed(std::string_view value) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    std::string out;
    out.reserve(value.size());
    for (const char c : value) out.push_back(lower(c));
    return out;
}

constexpr std::string_view base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<signed char, 256> base64Values() {
    std::array<signed char, 256> values{};
    for (auto& v : values) v = -1;
    for (std::size_t i = 0; i < base64Alphabet.size(); ++i) {
        values[static_cast<unsigned char>(base64Alphabet[i])] = static_cast<signed char>(i);
    }
    return values;
}
constexpr auto base64Table = base64Values();

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

constexpr std::string_view hexDigits = "0123456789ABCDEF";

}  // namespace

TransferEncoding parseTransferEncoding(std::string_view value) {
    const std::string name = lowerTrimmed(value);
    if (name.empty() || name == "7bit") return TransferEncoding::SevenBit;
    if (name == "8bit") return TransferEncoding::EightBit;
    if (name == "binary") return TransferEncoding::Binary;
    if (name == "quoted-printable") return TransferEncoding::QuotedPrintable;
    if (name == "base64") return TransferEncoding::Base64;
    return TransferEncoding::Unknown;
}

std::string_view transferEncodingName(TransferEncoding encoding) {
    switch (encoding) {
        case TransferEncoding::SevenBit: return "7bit";
        case TransferEncoding::EightBit: return "8bit";
        case TransferEncoding::Binary: return "binary";
        case TransferEncoding::QuotedPrintable: return "quoted-printable";
        case TransferEncoding::Base64: return "base64";
        case TransferEncoding::Unknown: return "";
    }
    return "";
}

Decoded decodeBase64(std::string_view text) {
    Decoded out;
    out.bytes.reserve(text.size() / 4 * 3 + 3);
    std::uint32_t group = 0;
    int count = 0;
    for (const char c : text) {
        if (c == '=') break;  // padding: the data has ended
        const signed char v = base64Table[static_cast<unsigned char>(c)];
        if (v < 0) {
            if (c != '\r' && c != '\n' && c != ' ' && c != '\t') out.clean = false;
            continue;
        }
        group = (group << 6) | static_cast<std::uint32_t>(v);
        if (++count == 4) {
            out.bytes.push_back(static_cast<char>((group >> 16) & 0xFF));
            out.bytes.push_back(static_cast<char>((group >> 8) & 0xFF));
            out.bytes.push_back(static_cast<char>(group & 0xFF));
            group = 0;
            count = 0;
        }
    }
    // A partial group holds count*6 bits: 2 characters give one octet, 3 give two.
    if (count == 1) out.clean = false;
    if (count == 2) out.bytes.push_back(static_cast<char>((group >> 4) & 0xFF));
    if (count == 3) {
        out.bytes.push_back(static_cast<char>((group >> 10) & 0xFF));
        out.bytes.push_back(static_cast<char>((group >> 2) & 0xFF));
    }
    if (count != 0) {
        // Missing padding after a partial group means the text was cut short.
        const std::size_t eq = text.find('=');
        if (eq == std::string_view::npos) out.clean = false;
    }
    return out;
}

std::string encodeBase64(std::string_view data) {
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4 + (data.size() / 57 + 1) * 2);
    std::size_t lineLength = 0;
    auto put = [&](char c) {
        out.push_back(c);
        if (++lineLength == 76) {
            out.append("\r\n");
            lineLength = 0;
        }
    };
    std::size_t i = 0;
    for (; i + 3 <= data.size(); i += 3) {
        const std::uint32_t n = (static_cast<std::uint32_t>(static_cast<unsigned char>(data[i])) << 16) |
                                (static_cast<std::uint32_t>(static_cast<unsigned char>(data[i + 1])) << 8) |
                                static_cast<std::uint32_t>(static_cast<unsigned char>(data[i + 2]));
        put(base64Alphabet[(n >> 18) & 63]);
        put(base64Alphabet[(n >> 12) & 63]);
        put(base64Alphabet[(n >> 6) & 63]);
        put(base64Alphabet[n & 63]);
    }
    const std::size_t rest = data.size() - i;
    if (rest > 0) {
        std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(data[i])) << 16;
        if (rest == 2) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(data[i + 1])) << 8;
        put(base64Alphabet[(n >> 18) & 63]);
        put(base64Alphabet[(n >> 12) & 63]);
        put(rest == 2 ? base64Alphabet[(n >> 6) & 63] : '=');
        put('=');
    }
    if (lineLength > 0) out.append("\r\n");
    return out;
}

Decoded decodeQuotedPrintable(std::string_view text) {
    Decoded out;
    out.bytes.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t lf = text.find('\n', pos);
        const bool hasBreak = lf != std::string_view::npos;
        std::size_t end = hasBreak ? lf : text.size();
        const std::size_t next = hasBreak ? lf + 1 : text.size();
        if (hasBreak && end > pos && text[end - 1] == '\r') --end;
        std::string_view line = text.substr(pos, end - pos);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        bool soft = false;
        if (!line.empty() && line.back() == '=') {
            soft = true;
            line.remove_suffix(1);
        }
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '=') {
                const int hi = i + 1 < line.size() ? hexValue(line[i + 1]) : -1;
                const int lo = i + 2 < line.size() ? hexValue(line[i + 2]) : -1;
                if (hi >= 0 && lo >= 0) {
                    out.bytes.push_back(static_cast<char>(hi * 16 + lo));
                    i += 2;
                    continue;
                }
                out.clean = false;
            }
            out.bytes.push_back(c);
        }
        if (hasBreak && !soft) out.bytes.append("\r\n");
        pos = next;
    }
    return out;
}

std::string encodeQuotedPrintable(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t lineLength = 0;
    // Adds one encoded unit (a character or "=XY"), soft-breaking first when
    // the line would pass 76 characters with the "=" of a soft break counted.
    auto emit = [&](std::string_view unit, bool lastOnLine) {
        const std::size_t room = lastOnLine ? 76 : 75;
        if (lineLength + unit.size() > room) {
            out.append("=\r\n");
            lineLength = 0;
        }
        out.append(unit);
        lineLength += unit.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool crlf = c == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
        if (c == '\n' || crlf) {
            out.append("\r\n");
            lineLength = 0;
            if (crlf) ++i;
            continue;
        }
        const auto u = static_cast<unsigned char>(c);
        const bool atLineEnd = i + 1 == text.size() || text[i + 1] == '\n' ||
                               (text[i + 1] == '\r' && i + 2 < text.size() && text[i + 2] == '\n');
        const bool whitespace = c == ' ' || c == '\t';
        const bool literal = (u >= 33 && u <= 126 && c != '=') || (whitespace && !atLineEnd);
        if (literal) {
            emit(std::string_view{&c, 1}, atLineEnd);
        } else {
            const char escaped[3] = {'=', hexDigits[u >> 4], hexDigits[u & 15]};
            emit(std::string_view{escaped, 3}, atLineEnd);
        }
    }
    return out;
}

Decoded decodeBody(TransferEncoding encoding, std::string_view body) {
    switch (encoding) {
        case TransferEncoding::Base64: return decodeBase64(body);
        case TransferEncoding::QuotedPrintable: return decodeQuotedPrintable(body);
        default: return Decoded{std::string{body}, true};
    }
}

}  // namespace netstage::mime
