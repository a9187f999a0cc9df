#include "cli/check_report.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

namespace netstage::cli {

namespace {

std::string shortSeconds(Time t) {
    const std::int64_t ms = t.nanoseconds() / 1'000'000;
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%03lld s", static_cast<long long>(ms / 1000), static_cast<long long>(ms % 1000));
    return text;
}

std::string reason(const CheckedItem& item) { return item.passed ? item.actual : "expected " + item.expected + "; " + item.actual; }

std::string xml(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                // XML 1.0 allows no control characters but tab, CR and LF.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';
                else out += c;
        }
    }
    return out;
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string{text};
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace

std::size_t CheckedFile::passedCount() const {
    std::size_t n = 0;
    for (const auto& item : items) n += item.passed ? 1 : 0;
    return n;
}

std::uint64_t CheckedFile::points() const {
    std::uint64_t n = 0;
    for (const auto& item : items) n += item.passed ? item.points : 0;
    return n;
}

std::uint64_t CheckedFile::maxPoints() const {
    if (error && possiblePoints) return *possiblePoints;
    std::uint64_t n = 0;
    for (const auto& item : items) n += item.points;
    return n;
}

bool CheckReport::passed() const {
    for (const auto& file : files) {
        if (!file.passed()) return false;
    }
    return true;
}

void writeText(const CheckReport& report, std::ostream& out) {
    std::size_t passed = 0;
    std::size_t failed = 0;
    std::size_t broken = 0;
    for (const auto& file : report.files) {
        out << file.path;
        if (report.graded && !file.error) out << ": " << file.points() << " of " << file.maxPoints() << " points";
        out << '\n';
        if (file.error) {
            out << "  ERROR " << *file.error << '\n';
            ++broken;
        }
        if (!file.error && file.items.empty()) out << "  (no expectations)\n";
        for (const auto& item : file.items) {
            out << (item.passed ? "  PASS " : "  FAIL ") << item.where << ": " << item.expected;
            out << (item.passed ? ": " : ": FAILED: ") << item.actual;
            if (item.time) {
                out << " [" << shortSeconds(*item.time);
                if (item.record) out << ", event #" << *item.record;
                out << ']';
            }
            if (!item.note.empty()) out << " (" << item.note << ')';
            out << '\n';
            (item.passed ? passed : failed) += 1;
        }
    }
    out << report.files.size() << (report.files.size() == 1 ? " file" : " files") << ", " << passed + failed
        << " expectations: " << passed << " passed, " << failed << " failed";
    if (broken != 0) out << ", " << broken << (broken == 1 ? " file" : " files") << " could not be checked";
    out << '\n';
}

void writeJson(const CheckReport& report, std::ostream& out) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& file : report.files) {
        nlohmann::ordered_json f;
        f["file"] = file.path;
        f["passed"] = file.passed();
        f["error"] = file.error ? nlohmann::ordered_json(*file.error) : nlohmann::ordered_json(nullptr);
        f["points"] = file.points();
        f["max_points"] = file.maxPoints();
        nlohmann::ordered_json results = nlohmann::ordered_json::array();
        for (const auto& item : file.items) {
            nlohmann::ordered_json r;
            r["where"] = item.where;
            r["passed"] = item.passed;
            r["expected"] = item.expected;
            r["actual"] = item.actual;
            r["points"] = item.points;
            r["time_ns"] = item.time ? nlohmann::ordered_json(item.time->nanoseconds()) : nlohmann::ordered_json(nullptr);
            r["record"] = item.record ? nlohmann::ordered_json(*item.record) : nlohmann::ordered_json(nullptr);
            if (!item.note.empty()) r["note"] = item.note;
            results.push_back(std::move(r));
        }
        f["results"] = std::move(results);
        files.push_back(std::move(f));
    }
    nlohmann::ordered_json doc;
    doc["passed"] = report.passed();
    if (report.graded) doc["against"] = report.against;
    doc["files"] = std::move(files);
    // Invalid UTF-8 (a student's stray byte) is replaced, never a thrown exception.
    out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void writeJunit(const CheckReport& report, std::ostream& out) {
    std::size_t tests = 0;
    std::size_t failures = 0;
    std::size_t errors = 0;
    for (const auto& file : report.files) {
        tests += file.error ? 1 : file.items.size();
        failures += file.error ? 0 : file.failedCount();
        errors += file.error ? 1 : 0;
    }
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"netstage check\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\"" << errors << "\">\n";
    for (const auto& file : report.files) {
        const std::size_t fileTests = file.error ? 1 : file.items.size();
        out << "  <testsuite name=\"" << xml(file.path) << "\" tests=\"" << fileTests << "\" failures=\""
            << (file.error ? 0 : file.failedCount()) << "\" errors=\"" << (file.error ? 1 : 0) << "\">\n";
        if (file.error) {
            out << "    <testcase classname=\"" << xml(file.path) << "\" name=\"the scenario loads and runs\">\n";
            out << "      <error message=\"" << xml(*file.error) << "\">" << xml(*file.error) << "</error>\n";
            out << "    </testcase>\n";
        }
        for (const auto& item : file.items) {
            out << "    <testcase classname=\"" << xml(file.path) << "\" name=\"" << xml(item.expected) << "\"";
            if (item.passed) {
                out << "/>\n";
                continue;
            }
            out << ">\n      <failure message=\"" << xml(reason(item)) << "\">" << xml(item.where + ": " + reason(item));
            if (item.time) out << xml(" (at " + shortSeconds(*item.time) + ")");
            out << "</failure>\n    </testcase>\n";
        }
        out << "  </testsuite>\n";
    }
    out << "</testsuites>\n";
}

void writeCsv(const CheckReport& report, std::ostream& out) {
    out << "file,points,max_points,passed,failed,error\n";
    for (const auto& file : report.files) {
        out << csv(file.path) << ',' << file.points() << ',' << file.maxPoints() << ',' << file.passedCount() << ','
            << file.failedCount() << ',' << csv(file.error.value_or("")) << '\n';
    }
}

}  // namespace netstage::cli
