#include "simulator/scenario/units.hpp"

#include <string>

namespace netstage::scenario {

namespace {

// "12.345" * scale, exactly, if the result is an integer that fits.
std::optional<std::int64_t> scaledDecimal(std::string_view number, std::int64_t scale) {
    if (number.empty()) return std::nullopt;
    std::int64_t whole = 0;
    std::size_t i = 0;
    bool digits = false;
    for (; i < number.size() && number[i] >= '0' && number[i] <= '9'; ++i) {
        if (whole > (INT64_MAX / 10) - 10) return std::nullopt;
        whole = whole * 10 + (number[i] - '0');
        digits = true;
    }
    std::int64_t fraction = 0;
    std::int64_t fractionScale = 1;
    if (i < number.size() && number[i] == '.') {
        ++i;
        for (; i < number.size() && number[i] >= '0' && number[i] <= '9'; ++i) {
            if (fractionScale > INT64_MAX / 10) return std::nullopt;
            fraction = fraction * 10 + (number[i] - '0');
            fractionScale *= 10;
            digits = true;
        }
    }
    if (!digits || i != number.size()) return std::nullopt;
    if (whole > INT64_MAX / scale) return std::nullopt;
    // The fraction must come out whole in the target unit.
    if ((fraction * scale) % fractionScale != 0) return std::nullopt;
    return whole * scale + fraction * scale / fractionScale;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

struct Unit {
    std::string_view suffix;
    std::int64_t scale;
};

std::optional<std::int64_t> withUnits(std::string_view text, std::initializer_list<Unit> units, bool bareAllowed) {
    text = trim(text);
    for (const Unit& unit : units) {  // listed longest suffix first
        if (text.size() > unit.suffix.size() && text.substr(text.size() - unit.suffix.size()) == unit.suffix) {
            return scaledDecimal(trim(text.substr(0, text.size() - unit.suffix.size())), unit.scale);
        }
    }
    if (bareAllowed) return scaledDecimal(text, 1);
    return std::nullopt;
}

}  // namespace

std::optional<Time> parseDuration(std::string_view text) {
    if (trim(text) == "0") return Time::zero();
    const auto ns = withUnits(text,
                              {{"min", 60'000'000'000}, {"ms", 1'000'000}, {"us", 1'000}, {"ns", 1}, {"h", 3'600'000'000'000},
                               {"s", 1'000'000'000}},
                              false);
    if (!ns) return std::nullopt;
    return Time::fromNanoseconds(*ns);
}

std::optional<std::int64_t> parseBitRate(std::string_view text) {
    const auto rate = withUnits(text, {{"Gbps", 1'000'000'000}, {"Mbps", 1'000'000}, {"kbps", 1'000}, {"bps", 1}}, true);
    if (!rate || *rate <= 0) return std::nullopt;
    return rate;
}

std::optional<double> parseProbability(std::string_view text) {
    text = trim(text);
    bool percent = false;
    if (!text.empty() && text.back() == '%') {
        percent = true;
        text.remove_suffix(1);
    }
    // Validate the shape first so "1e3" or "0x1" are refused.
    if (!scaledDecimal(trim(text), 1'000'000'000'000)) return std::nullopt;
    double value = std::stod(std::string{trim(text)});
    if (percent) value /= 100.0;
    if (value < 0.0 || value > 1.0) return std::nullopt;
    return value;
}

}  // namespace netstage::scenario
