#pragma once
// A thin layer over yaml-cpp that knows where each value came from, so every
// complaint about a scenario names its file, line and column.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "simulator/core/time.hpp"
#include "simulator/packet/ipv4_address.hpp"
#include "simulator/scenario/scenario_error.hpp"

namespace netstage::scenario {

// One file being read: its name, and the running total of text read from it
// (scenario_limits.hpp), which stops a YAML alias repeated many times from
// expanding into gigabytes before anything else notices.
struct YamlDocument {
    std::string file;
    std::uint64_t textBytes = 0;
    std::uint64_t declaredBytes = 0;  // contents declared so far (limits::kDeclaredContentBytes)
};

// Parses YAML text; a syntax error, a tab in the indentation or a NUL byte is
// a ScenarioError at its line and column.
YAML::Node parseYamlText(std::string_view text, const std::string& fileName);

class YamlValue {
public:
    YamlValue(YAML::Node node, YamlDocument& document, SourceLocation fallback)
        : node_{std::move(node)}, document_{&document}, fallback_{std::move(fallback)} {}

    SourceLocation where() const;
    [[noreturn]] void fail(const std::string& message) const;

    bool isMap() const { return node_.IsMap(); }
    bool isSequence() const { return node_.IsSequence(); }
    bool isScalar() const { return node_.IsScalar(); }
    const YAML::Node& node() const { return node_; }

    // Map access. Every key of a map must be one the caller knows, and appear
    // once (yaml-cpp would silently keep the first of two).
    void requireMap(std::string_view what) const;
    void allowOnly(std::initializer_list<std::string_view> keys) const;
    // The map's entries as (key, value), in file order.
    std::vector<std::pair<YamlValue, YamlValue>> entries() const;
    bool has(std::string_view key) const;
    YamlValue get(std::string_view key) const;  // must exist
    std::optional<YamlValue> find(std::string_view key) const;

    // Sequence access.
    std::size_t size() const;
    YamlValue at(std::size_t index) const;
    std::vector<YamlValue> items(std::string_view what) const;  // a sequence (a missing key is an empty list)

    // Scalars, with the expectation named in the error. Every text read counts
    // towards limits::kTextBytes.
    std::string asString() const;
    bool asBool() const;
    std::uint64_t asUnsigned(std::uint64_t max = UINT64_MAX) const;
    double asNumber() const;
    Time asDuration() const;  // at most limits::kLongestDuration
    std::int64_t asBitRate() const;
    double asProbability() const;
    Ipv4Address asAddress() const;
    std::vector<std::string> asStringList() const;  // a string or a list of strings

    // Counts `octets` of content declared here (a message, a file) towards
    // limits::kDeclaredContentBytes; fails here once the total passes it.
    void declareContent(std::uint64_t octets) const;

private:
    std::string describe() const;
    YAML::Node node_;
    YamlDocument* document_;
    SourceLocation fallback_;  // where the parent was, for missing values
};

}  // namespace netstage::scenario
