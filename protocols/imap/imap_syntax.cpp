#include "protocols/imap/imap_syntax.hpp"

#include <array>
#include <cstdio>

#include "protocols/common/line_reader.hpp"

namespace netstage::imap {

bool isAtomChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) return false;
    switch (c) {
        case '(': case ')': case '{': case '%': case '*': case '"': case '\\': case ']': return false;
        default: return true;
    }
}

bool Cursor::consume(char c) {
    if (peek() != c || atEnd()) return false;
    ++pos_;
    return true;
}

bool Cursor::consumeWord(std::string_view word) {
    if (!proto::istartsWith(rest(), word)) return false;
    const std::size_t end = pos_ + word.size();
    if (end < text_.size() && isAtomChar(text_[end]) && text_[end] != '[') return false;
    pos_ = end;
    return true;
}

std::optional<std::string> Cursor::atom(std::string_view extra) {
    const std::size_t start = pos_;
    while (!atEnd() && (isAtomChar(text_[pos_]) || extra.find(text_[pos_]) != std::string_view::npos)) ++pos_;
    if (pos_ == start) return std::nullopt;
    return std::string{text_.substr(start, pos_ - start)};
}

std::optional<std::string> Cursor::attributeName() {
    const std::size_t start = pos_;
    auto word = atom(".");
    if (!word) return std::nullopt;
    const auto bracket = word->find('[');
    if (bracket == std::string::npos) return word;
    if (bracket == 0) {
        pos_ = start;
        return std::nullopt;
    }
    pos_ = start + bracket;
    word->resize(bracket);
    return word;
}

std::optional<std::string> Cursor::quoted() {
    if (peek() != '"') return std::nullopt;
    const std::size_t start = pos_;
    ++pos_;
    std::string out;
    while (!atEnd()) {
        const char c = text_[pos_++];
        if (c == '"') return out;
        if (c == '\r' || c == '\n') break;
        if (c == '\\') {
            if (atEnd()) break;
            const char e = text_[pos_++];
            if (e != '"' && e != '\\') break;
            out.push_back(e);
        } else {
            out.push_back(c);
        }
    }
    pos_ = start;
    return std::nullopt;
}

std::optional<std::string> Cursor::literal() {
    if (peek() != '{') return std::nullopt;
    const std::size_t start = pos_;
    ++pos_;
    std::size_t n = 0;
    bool digits = false;
    while (!atEnd() && text_[pos_] >= '0' && text_[pos_] <= '9') {
        n = n * 10 + static_cast<std::size_t>(text_[pos_] - '0');
        if (n > text_.size()) break;
        digits = true;
        ++pos_;
    }
    consume('+');
    if (!digits || !consume('}') || !consume('\r') || !consume('\n') || text_.size() - pos_ < n) {
        pos_ = start;
        return std::nullopt;
    }
    std::string out{text_.substr(pos_, n)};
    pos_ += n;
    return out;
}

std::optional<std::string> Cursor::string() {
    if (peek() == '"') return quoted();
    if (peek() == '{') return literal();
    return std::nullopt;
}

std::optional<std::string> Cursor::astring() {
    if (peek() == '"' || peek() == '{') return string();
    return atom("]");
}

std::optional<std::optional<std::string>> Cursor::nstring() {
    if (consumeWord("NIL")) return std::optional<std::string>{};
    auto s = string();
    if (!s) return std::nullopt;
    return std::optional<std::string>{std::move(*s)};
}

std::optional<std::uint32_t> Cursor::number() {
    const std::size_t start = pos_;
    std::uint64_t n = 0;
    while (!atEnd() && text_[pos_] >= '0' && text_[pos_] <= '9') {
        n = n * 10 + static_cast<std::uint64_t>(text_[pos_] - '0');
        if (n > 0xffffffffULL) {
            pos_ = start;
            return std::nullopt;
        }
        ++pos_;
    }
    if (pos_ == start) return std::nullopt;
    return static_cast<std::uint32_t>(n);
}

std::string literalOf(std::string_view text) {
    return "{" + std::to_string(text.size()) + "}\r\n" + std::string{text};
}

std::string stringOf(std::string_view text) {
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r' || c == '\n' || c == '\0' || u >= 0x80) return literalOf(text);
    }
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string astringOf(std::string_view text) {
    bool atom = !text.empty() && !proto::iequals(text, "NIL");
    for (char c : text) atom = atom && isAtomChar(c);
    return atom ? std::string{text} : stringOf(text);
}

std::string nstringOf(const std::optional<std::string>& text) { return text ? stringOf(*text) : "NIL"; }

std::optional<LiteralAnnouncement> trailingLiteral(std::string_view line) {
    if (line.empty() || line.back() != '}') return std::nullopt;
    const std::size_t open = line.rfind('{');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view inside = line.substr(open + 1, line.size() - open - 2);
    LiteralAnnouncement out;
    if (!inside.empty() && inside.back() == '+') {
        out.nonSynchronizing = true;
        inside.remove_suffix(1);
    }
    if (inside.empty() || inside.size() > 12) return std::nullopt;
    for (char c : inside) {
        if (c < '0' || c > '9') return std::nullopt;
        out.size = out.size * 10 + static_cast<std::size_t>(c - '0');
    }
    return out;
}

namespace {
constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int monthIndex(std::string_view name) {
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (proto::iequals(name, months[i])) return static_cast<int>(i) + 1;
    }
    return 0;
}

bool digitsIn(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > text.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}
}  // namespace

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t dayOf(std::int64_t unixSeconds) {
    return unixSeconds >= 0 ? unixSeconds / 86400 : -((-unixSeconds + 86399) / 86400);
}

std::string formatDateTime(std::int64_t unixSeconds) {
    const std::int64_t z = dayOf(unixSeconds) + 719468;
    const std::int64_t secs = unixSeconds - dayOf(unixSeconds) * 86400;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%02u-%s-%04lld %02lld:%02lld:%02lld +0000", d, months[m - 1],
                  static_cast<long long>(y), static_cast<long long>(secs / 3600),
                  static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
    return buf;
}

std::optional<std::int64_t> parseDate(std::string_view text) {
    const auto dash1 = text.find('-');
    if (dash1 == std::string_view::npos || dash1 == 0 || dash1 > 2) return std::nullopt;
    int day = 0;
    if (!digitsIn(text, 0, dash1, day)) return std::nullopt;
    if (text.size() != dash1 + 9 || text[dash1 + 4] != '-') return std::nullopt;
    const int month = monthIndex(text.substr(dash1 + 1, 3));
    int year = 0;
    if (month == 0 || !digitsIn(text, dash1 + 5, 4, year) || day < 1 || day > 31) return std::nullopt;
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::optional<std::int64_t> parseDateTime(std::string_view text) {
    // date-day-fixed is " d" or "dd"; accept an unpadded day too.
    if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    const auto space = text.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    auto days = parseDate(text.substr(0, space));
    std::string_view rest = text.substr(space + 1);
    int h = 0, mi = 0, s = 0, zh = 0, zm = 0;
    if (!days || rest.size() != 14 || rest[2] != ':' || rest[5] != ':' || rest[8] != ' ' ||
        !digitsIn(rest, 0, 2, h) || !digitsIn(rest, 3, 2, mi) || !digitsIn(rest, 6, 2, s) ||
        (rest[9] != '+' && rest[9] != '-') || !digitsIn(rest, 10, 2, zh) || !digitsIn(rest, 12, 2, zm) ||
        h > 23 || mi > 59 || s > 60) {
        return std::nullopt;
    }
    const std::int64_t zone = (zh * 3600 + zm * 60) * (rest[9] == '-' ? -1 : 1);
    return *days * 86400 + h * 3600 + mi * 60 + s - zone;
}

std::vector<std::string> splitLines(std::string_view bytes) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < bytes.size()) {
        const std::size_t lf = bytes.find('\n', start);
        if (lf == std::string_view::npos) {
            out.emplace_back(bytes.substr(start));
            break;
        }
        std::size_t end = lf;
        if (end > start && bytes[end - 1] == '\r') --end;
        out.emplace_back(bytes.substr(start, end - start));
        start = lf + 1;
    }
    return out;
}

}  // namespace netstage::imap
