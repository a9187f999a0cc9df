#pragma once
// Parsing of the units a teacher writes in a scenario: durations ("10ms",
// "1.5s", "2min"), link rates ("10Mbps"), probabilities ("0.05", "5%").
// Exact decimal arithmetic: "0.1s" is exactly 100'000'000 ns.

#include <cstdint>
#include <optional>
#include <string_view>

#include "simulator/core/time.hpp"

namespace netstage::scenario {

std::optional<Time> parseDuration(std::string_view text);
std::optional<std::int64_t> parseBitRate(std::string_view text);
std::optional<double> parseProbability(std::string_view text);

}  // namespace netstage::scenario
