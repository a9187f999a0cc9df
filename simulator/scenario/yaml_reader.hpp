#pragma once
// A thin layer over yaml-cpp that knows where each value came from, so every
// complaint about a scenario names its file, line and column.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "simulator/core/time.hpp"
#include "simulator/packet/ipv4_address.hpp"
#include "simulator/scenario/scenario_error.hpp"

namespace netstage::scenario {

class YamlValue {
public:
    YamlValue(YAML::Node node, const std::string& file, SourceLocation fallback)
        : node_{std::move(node)}, file_{&file}, fallback_{std::move(fallback)} {}

    SourceLocation where() const;
    [[noreturn]] void fail(const std::string& message) const;

    bool isMap() const { return node_.IsMap(); }
    bool isSequence() const { return node_.IsSequence(); }
    bool isScalar() const { return node_.IsScalar(); }
    const YAML::Node& node() const { return node_; }

    // Map access. Every key of a map must be one the caller knows.
    void requireMap(std::string_view what) const;
    void allowOnly(std::initializer_list<std::string_view> keys) const;
    bool has(std::string_view key) const;
    YamlValue get(std::string_view key) const;  // must exist
    std::optional<YamlValue> find(std::string_view key) const;

    // Sequence access.
    std::size_t size() const;
    YamlValue at(std::size_t index) const;
    std::vector<YamlValue> items(std::string_view what) const;  // a sequence (a missing key is an empty list)

    // Scalars, with the expectation named in the error.
    std::string asString() const;
    bool asBool() const;
    std::uint64_t asUnsigned(std::uint64_t max = UINT64_MAX) const;
    double asNumber() const;
    Time asDuration() const;
    std::int64_t asBitRate() const;
    double asProbability() const;
    Ipv4Address asAddress() const;
    std::vector<std::string> asStringList() const;  // a string or a list of strings

private:
    std::string describe() const;
    YAML::Node node_;
    const std::string* file_;
    SourceLocation fallback_;  // where the parent was, for missing values
};

}  // namespace netstage::scenario
