#include "simulator/trace/base64.hpp"

#include <algorithm>
#include <array>

namespace netstage::trace {

namespace {
constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<std::int8_t, 256> decodeTable() {
    std::array<std::int8_t, 256> table{};
    for (auto& v : table) v = -1;
    for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    return table;
}
constexpr auto decoding = decodeTable();

// Two output characters per 12 input bits: half the lookups of one per six
// bits, on the path every packet's bytes take.
constexpr std::array<char, 2 * 4096> pairTable() {
    std::array<char, 2 * 4096> table{};
    for (int i = 0; i < 4096; ++i) {
        table[2 * i] = alphabet[i >> 6];
        table[2 * i + 1] = alphabet[i & 63];
    }
    return table;
}
constexpr auto pairs = pairTable();
}  // namespace

void appendBase64(std::span<const std::uint8_t> bytes, std::string& out) {
    const std::size_t at = out.size();
    out.resize(at + (bytes.size() + 2) / 3 * 4);
    char* o = out.data() + at;
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
        std::copy_n(&pairs[2 * (v >> 12)], 2, o);
        std::copy_n(&pairs[2 * (v & 0xfff)], 2, o + 2);
        o += 4;
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 0) return;
    const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (rest == 2 ? std::uint32_t{bytes[i + 1]} << 8 : 0);
    *o++ = alphabet[v >> 18];
    *o++ = alphabet[(v >> 12) & 63];
    *o++ = rest == 2 ? alphabet[(v >> 6) & 63] : '=';
    *o = '=';
}

std::string toBase64(std::span<const std::uint8_t> bytes) {
    std::string out;
    appendBase64(bytes, out);
    return out;
}

std::optional<Bytes> fromBase64(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::size_t padding = 0;
    if (!text.empty() && text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
    Bytes out;
    out.resize(text.size() / 4 * 3 - padding);
    std::size_t o = 0;
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        const std::size_t digits = last ? 4 - padding : 4;
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            std::int8_t d = 0;
            if (k < digits) {
                d = decoding[static_cast<unsigned char>(text[i + k])];
                if (d < 0) return std::nullopt;
            }
            v = (v << 6) | static_cast<std::uint32_t>(d);
        }
        out[o++] = static_cast<std::uint8_t>(v >> 16);
        if (digits >= 3) out[o++] = static_cast<std::uint8_t>(v >> 8);
        if (digits == 4) out[o++] = static_cast<std::uint8_t>(v);
        // A non-canonical ending (bits set after the last byte) would let two
        // texts mean the same bytes.
        if ((digits == 2 && (v & 0xffff) != 0) || (digits == 3 && (v & 0xff) != 0)) return std::nullopt;
    }
    return out;
}

}  // namespace netstage::trace
