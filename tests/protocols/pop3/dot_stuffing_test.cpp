#include <gtest/gtest.h>

#include "protocols/pop3/dot_stuffing.hpp"

using namespace netstage::pop3;

TEST(Pop3DotStuffing, splitsOnCrlfAndBareLfWithoutATrailingEmptyLine) {
    EXPECT_EQ(splitLines("a\r\nb\nc\r\n"), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(splitLines("a\r\n\r\nlast"), (std::vector<std::string>{"a", "", "last"}));
    EXPECT_TRUE(splitLines("").empty());
}

TEST(Pop3DotStuffing, doublesALeadingDotAndUndoesIt) {
    EXPECT_EQ(stuffLine(".hidden"), "..hidden");
    EXPECT_EQ(stuffLine("."), "..");
    EXPECT_EQ(stuffLine("a.b"), "a.b");
    EXPECT_EQ(unstuffLine("..hidden"), ".hidden");
    EXPECT_EQ(unstuffLine(stuffLine(".")), ".");
    EXPECT_TRUE(isTerminator("."));
    EXPECT_FALSE(isTerminator(".."));
}
