#include <gtest/gtest.h>

#include "simulator/expect/sha256.hpp"
#include "simulator/expect/text_match.hpp"

using namespace netstage::expect;

TEST(TextMatch, contains_equals_and_matches_read_text_as_their_names_say) {
    EXPECT_TRUE(TextMatch::contains("ketchup").test("Do you like ketchup?"));
    EXPECT_FALSE(TextMatch::contains("mustard").test("Do you like ketchup?"));
    EXPECT_TRUE(TextMatch::equals("QUIT").test("QUIT"));
    EXPECT_FALSE(TextMatch::equals("QUIT").test("QUIT "));
    EXPECT_TRUE(TextMatch::matches("^2[0-9]{2} ").test("250 OK"));
    EXPECT_FALSE(TextMatch::matches("^2[0-9]{2} ").test("550 No"));
}

TEST(TextMatch, a_pattern_over_a_body_is_searched_line_by_line) {
    const auto anchored = TextMatch::matches("^How about");
    EXPECT_TRUE(anchored.testLines("Do you like ketchup?\r\nHow about pickles?\r\n"));
    EXPECT_FALSE(anchored.test("Do you like ketchup?\r\nHow about pickles?\r\n")) << "as one text, ^ is only its start";
    // A very long line does not exhaust the regex engine's stack.
    EXPECT_FALSE(TextMatch::matches("(a|b)*c").testLines(std::string(1'000'000, 'a')));
}

TEST(TextMatch, a_pattern_that_does_not_compile_throws_when_made) {
    EXPECT_THROW(TextMatch::matches("(unclosed"), std::regex_error);
}

TEST(Sha256, digests_match_the_fips_180_examples) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex(std::string(1'000'000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
