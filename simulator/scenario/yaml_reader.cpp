#include "simulator/scenario/yaml_reader.hpp"

#include <algorithm>
#include <cmath>

#include "simulator/scenario/scenario_limits.hpp"
#include "simulator/scenario/units.hpp"

namespace netstage::scenario {

namespace {

// YAML forbids tabs in indentation; yaml-cpp then reports something obscure
// ("illegal block entry") one column later. Finds the first tab in the
// indentation of a line up to `lastLine` (1-based), as (line, column).
std::optional<std::pair<int, int>> tabInIndentation(std::string_view text, int lastLine) {
    int line = 1;
    std::size_t start = 0;
    while (start <= text.size() && line <= lastLine) {
        for (std::size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
            if (text[i] == '\t') return std::pair{line, static_cast<int>(i - start) + 1};
        }
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) break;
        start = end + 1;
        ++line;
    }
    return std::nullopt;
}

}  // namespace

YAML::Node parseYamlText(std::string_view text, const std::string& fileName) {
    if (text.find('\0') != std::string_view::npos) {
        // yaml-cpp stops at NUL; a binary file must not half-parse.
        std::size_t line = 1;
        std::size_t column = 1;
        for (char c : text.substr(0, text.find('\0'))) {
            if (c == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw ScenarioError{{fileName, static_cast<int>(line), static_cast<int>(column)},
                            "expected a text (YAML) file, found a NUL byte: is this a binary file?"};
    }
    try {
        return YAML::Load(std::string{text});
    } catch (const YAML::Exception& e) {
        if (const auto tab = tabInIndentation(text, e.mark.line + 1)) {
            throw ScenarioError{{fileName, tab->first, tab->second},
                                "a tab in the indentation: YAML does not allow tabs for indentation, indent with spaces"};
        }
        throw ScenarioError{{fileName, e.mark.line + 1, e.mark.column + 1}, "YAML syntax error: " + e.msg};
    }
}

SourceLocation YamlValue::where() const {
    const YAML::Mark mark = node_.Mark();
    if (mark.line < 0 || !node_.IsDefined() || node_.IsNull()) {
        if (mark.line >= 0 && node_.IsDefined()) return {document_->file, mark.line + 1, mark.column + 1};
        return fallback_;
    }
    return {document_->file, mark.line + 1, mark.column + 1};
}

void YamlValue::fail(const std::string& message) const { throw ScenarioError{where(), message}; }

std::string YamlValue::describe() const {
    if (!node_.IsDefined() || node_.IsNull()) return "nothing";
    if (node_.IsMap()) return "a mapping";
    if (node_.IsSequence()) return "a list";
    std::string text = node_.Scalar();
    if (text.size() > 40) text = text.substr(0, 40) + "...";
    return "'" + text + "'";
}

void YamlValue::requireMap(std::string_view what) const {
    if (!node_.IsMap()) fail("expected " + std::string{what} + " (a mapping of key: value), found " + describe());
}

void YamlValue::allowOnly(std::initializer_list<std::string_view> keys) const {
    std::vector<std::pair<std::string, SourceLocation>> seen;
    for (const auto& entry : node_) {
        const YamlValue key{entry.first, *document_, where()};
        const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : std::string{};
        if (std::find(keys.begin(), keys.end(), name) == keys.end()) {
            std::string known;
            for (auto k : keys) known += (known.empty() ? "" : ", ") + std::string{k};
            key.fail("unknown key '" + name + "' (expected one of: " + known + ")");
        }
        for (const auto& [earlier, at] : seen) {
            if (earlier == name) {
                key.fail("the key '" + name + "' appears twice in this mapping (first at line " + std::to_string(at.line) +
                         "); remove one");
            }
        }
        seen.emplace_back(name, key.where());
    }
}

std::vector<std::pair<YamlValue, YamlValue>> YamlValue::entries() const {
    std::vector<std::pair<YamlValue, YamlValue>> out;
    for (const auto& entry : node_) {
        YamlValue key{entry.first, *document_, where()};
        YamlValue value{entry.second, *document_, key.where()};
        out.emplace_back(std::move(key), std::move(value));
    }
    return out;
}

bool YamlValue::has(std::string_view key) const { return node_.IsMap() && node_[std::string{key}].IsDefined(); }

std::optional<YamlValue> YamlValue::find(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    return YamlValue{node_[std::string{key}], *document_, where()};
}

YamlValue YamlValue::get(std::string_view key) const {
    if (!has(key)) fail("missing required key '" + std::string{key} + "'");
    return YamlValue{node_[std::string{key}], *document_, where()};
}

std::size_t YamlValue::size() const { return node_.size(); }

YamlValue YamlValue::at(std::size_t index) const { return YamlValue{node_[index], *document_, where()}; }

std::vector<YamlValue> YamlValue::items(std::string_view what) const {
    if (!node_.IsSequence()) fail("expected a list of " + std::string{what} + " (lines starting with '- '), found " + describe());
    std::vector<YamlValue> out;
    for (std::size_t i = 0; i < node_.size(); ++i) out.push_back(at(i));
    return out;
}

std::string YamlValue::asString() const {
    if (!node_.IsScalar()) fail("expected text, found " + describe());
    const std::string& text = node_.Scalar();
    document_->textBytes += text.size();
    if (document_->textBytes > limits::kTextBytes) {
        fail("the scenario holds more than " + std::to_string(limits::kTextBytes >> 20) +
             " MiB of text (every repeat of a YAML alias counts); give large contents as a size instead");
    }
    return text;
}

bool YamlValue::asBool() const {
    const std::string text = asString();
    if (text == "true" || text == "yes" || text == "on") return true;
    if (text == "false" || text == "no" || text == "off") return false;
    fail("expected true or false, found " + describe());
}

std::uint64_t YamlValue::asUnsigned(std::uint64_t max) const {
    const std::string text = asString();
    if (text.empty() || text.size() > 19 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        fail("expected a whole number, found " + describe());
    }
    const std::uint64_t value = std::stoull(text);
    if (value > max) fail("expected a whole number no larger than " + std::to_string(max) + ", found " + describe());
    return value;
}

double YamlValue::asNumber() const {
    const std::string text = asString();
    try {
        std::size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size() && std::isfinite(value)) return value;
    } catch (const std::exception&) {
    }
    fail("expected a finite number such as 120 or -3.5, found " + describe());
}

void YamlValue::declareContent(std::uint64_t octets) const {
    document_->declaredBytes += octets;
    if (document_->declaredBytes > limits::kDeclaredContentBytes) {
        fail("the scenario declares more than " + std::to_string(limits::kDeclaredContentBytes >> 20) +
             " MiB of content in all (stored messages, messages sent, FTP files and uploads)");
    }
}

Time YamlValue::asDuration() const {
    const auto duration = parseDuration(asString());
    if (!duration) fail("expected a duration such as 10ms, 1.5s or 2min, found " + describe());
    if (*duration > limits::kLongestDuration) {
        fail("expected a duration of at most 366 days (8784h), found " + describe());
    }
    return *duration;
}

std::int64_t YamlValue::asBitRate() const {
    if (auto r = parseBitRate(asString())) return *r;
    fail("expected a link rate such as 10Mbps, 56kbps or 1Gbps, found " + describe());
}

double YamlValue::asProbability() const {
    if (auto p = parseProbability(asString())) return *p;
    fail("expected a probability between 0 and 1 (or a percentage such as 5%), found " + describe());
}

Ipv4Address YamlValue::asAddress() const {
    if (auto a = Ipv4Address::parse(asString())) return *a;
    fail("expected an IPv4 address such as 10.0.1.2, found " + describe());
}

std::vector<std::string> YamlValue::asStringList() const {
    if (node_.IsScalar()) return {node_.Scalar()};
    std::vector<std::string> out;
    for (const YamlValue& item : items("text values")) out.push_back(item.asString());
    return out;
}

}  // namespace netstage::scenario
