#include "protocols/ftp/transfer_format.hpp"

#include <array>

namespace netstage::ftp {

namespace {

struct CivilTime {
    std::int64_t year;
    unsigned month, day, hour, minute, second;
};

// Howard Hinnant's days-to-civil: exact for any int64 day count, no library time zone.
CivilTime civil(std::int64_t unixSeconds) {
    std::int64_t days = unixSeconds / 86400;
    std::int64_t rest = unixSeconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
    const auto r = static_cast<unsigned>(rest);
    return {year, month, day, r / 3600, r / 60 % 60, r % 60};
}

std::string pad(std::int64_t value, std::size_t width) {
    std::string text = std::to_string(value);
    if (text.size() < width) text.insert(0, width - text.size(), '0');
    return text;
}

std::string padLeft(const std::string& text, std::size_t width) {
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string toNetworkAscii(std::string_view stored) {
    std::string out;
    out.reserve(stored.size() + stored.size() / 16);
    for (char c : stored) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

std::string fromNetworkAscii(std::string_view wire) {
    std::string out;
    out.reserve(wire.size());
    for (std::size_t i = 0; i < wire.size(); ++i) {
        if (wire[i] == '\r' && i + 1 < wire.size() && wire[i + 1] == '\n') continue;
        out += wire[i];
    }
    return out;
}

std::string formatLongListing(const std::vector<vfs::Entry>& entries, std::int64_t now) {
    std::string out;
    for (const auto& entry : entries) {
        const CivilTime t = civil(entry.modified);
        // ls shows the year instead of the time for files older than about six months.
        const bool recent = entry.modified <= now && now - entry.modified < 15552000;
        const std::string when = std::string{kMonths[t.month - 1]} + " " + padLeft(std::to_string(t.day), 2) + " " +
                                 (recent ? pad(t.hour, 2) + ":" + pad(t.minute, 2) : padLeft(std::to_string(t.year), 5));
        out += entry.isDirectory ? "drwxr-xr-x    2 ftp      ftp      " : "-rw-r--r--    1 ftp      ftp      ";
        out += padLeft(std::to_string(entry.size), 8) + " " + when + " " + entry.name + "\r\n";
    }
    return out;
}

std::string formatNameListing(const std::vector<vfs::Entry>& entries) {
    std::string out;
    for (const auto& entry : entries) out += entry.name + "\r\n";
    return out;
}

std::string formatMlsxEntry(const vfs::Entry& entry, MlsxType type, std::string_view name, const MlsxFacts& facts) {
    std::string out;
    if (facts.type) out += type == MlsxType::File ? "type=file;" : type == MlsxType::Dir ? "type=dir;" : "type=cdir;";
    if (facts.size && !entry.isDirectory) out += "size=" + std::to_string(entry.size) + ";";
    if (facts.modify) out += "modify=" + formatMdtm(entry.modified) + ";";
    // File: append, delete, rename, read, write. Directory: create, delete, enter, rename, list, mkdir, purge.
    if (facts.perm) out += entry.isDirectory ? "perm=cdeflmp;" : "perm=adfrw;";
    out += ' ';
    out += name;
    return out;
}

std::string formatMlsdListing(const vfs::Entry& directory, const std::vector<vfs::Entry>& entries,
                              const MlsxFacts& facts) {
    std::string out = formatMlsxEntry(directory, MlsxType::Cdir, ".", facts) + "\r\n";
    for (const auto& entry : entries) {
        out += formatMlsxEntry(entry, entry.isDirectory ? MlsxType::Dir : MlsxType::File, entry.name, facts) + "\r\n";
    }
    return out;
}

std::string formatMdtm(std::int64_t unixSeconds) {
    const CivilTime t = civil(unixSeconds);
    return pad(t.year, 4) + pad(t.month, 2) + pad(t.day, 2) + pad(t.hour, 2) + pad(t.minute, 2) + pad(t.second, 2);
}

}  // namespace netstage::ftp
