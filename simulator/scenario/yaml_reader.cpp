#include "simulator/scenario/yaml_reader.hpp"

#include <algorithm>

#include "simulator/scenario/units.hpp"

namespace netstage::scenario {

SourceLocation YamlValue::where() const {
    const YAML::Mark mark = node_.Mark();
    if (mark.line < 0 || !node_.IsDefined() || node_.IsNull()) {
        if (mark.line >= 0 && node_.IsDefined()) return {*file_, mark.line + 1, mark.column + 1};
        return fallback_;
    }
    return {*file_, mark.line + 1, mark.column + 1};
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
    for (const auto& entry : node_) {
        const YAML::Node& key = entry.first;
        const std::string name = key.IsScalar() ? key.Scalar() : std::string{};
        if (std::find(keys.begin(), keys.end(), name) == keys.end()) {
            std::string known;
            for (auto k : keys) known += (known.empty() ? "" : ", ") + std::string{k};
            YamlValue{key, *file_, where()}.fail("unknown key '" + name + "' (expected one of: " + known + ")");
        }
    }
}

bool YamlValue::has(std::string_view key) const { return node_.IsMap() && node_[std::string{key}].IsDefined(); }

std::optional<YamlValue> YamlValue::find(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    return YamlValue{node_[std::string{key}], *file_, where()};
}

YamlValue YamlValue::get(std::string_view key) const {
    if (!has(key)) fail("missing required key '" + std::string{key} + "'");
    return YamlValue{node_[std::string{key}], *file_, where()};
}

std::size_t YamlValue::size() const { return node_.size(); }

YamlValue YamlValue::at(std::size_t index) const { return YamlValue{node_[index], *file_, where()}; }

std::vector<YamlValue> YamlValue::items(std::string_view what) const {
    if (!node_.IsSequence()) fail("expected a list of " + std::string{what} + " (lines starting with '- '), found " + describe());
    std::vector<YamlValue> out;
    for (std::size_t i = 0; i < node_.size(); ++i) out.push_back(at(i));
    return out;
}

std::string YamlValue::asString() const {
    if (!node_.IsScalar()) fail("expected text, found " + describe());
    return node_.Scalar();
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
        if (used == text.size()) return value;
    } catch (const std::exception&) {
    }
    fail("expected a number, found " + describe());
}

Time YamlValue::asDuration() const {
    if (auto d = parseDuration(asString())) return *d;
    fail("expected a duration such as 10ms, 1.5s or 2min, found " + describe());
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
