#include "simulator/trace/json_text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

namespace netstage::trace {
namespace {

std::string library(std::string_view text) {
    return nlohmann::json(std::string{text}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ours(std::string_view text) {
    std::string out;
    appendJsonString(text, out);
    return out;
}

// Traces written before and after must agree byte for byte, whatever a field holds.
TEST(JsonText, writesEveryByteAsTheJsonLibraryDoes) {
    for (int c = 0; c < 256; ++c) {
        const std::string one(1, static_cast<char>(c));
        EXPECT_EQ(ours(one), library(one)) << c;
        const std::string inside = "a" + one + "b\"c";
        EXPECT_EQ(ours(inside), library(inside)) << c;
    }
}

TEST(JsonText, writesTextAsTheJsonLibraryDoes) {
    for (const std::string_view text :
         {"", "plain", "10.0.1.2:49152 > 10.0.2.10:25 TCP [SYN] seq=123", "tab\there", "line\r\n", "back\\slash",
          "caf\xc3\xa9", "bad\xff" "byte", "cut \xe2\x82", "\x7f", "\x1f\x01", "\xf0\x9f\x93\xa8 mail"}) {
        EXPECT_EQ(ours(text), library(text)) << text;
    }
}

TEST(JsonText, writesIntegersInDecimal) {
    std::string out;
    appendInteger(std::numeric_limits<std::int64_t>::min(), out);
    out += ' ';
    appendInteger(std::numeric_limits<std::uint64_t>::max(), out);
    out += ' ';
    appendInteger(0, out);
    EXPECT_EQ(out, "-9223372036854775808 18446744073709551615 0");
}

}  // namespace
}  // namespace netstage::trace
