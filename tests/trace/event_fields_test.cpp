#include "simulator/trace/trace_event.hpp"

#include <gtest/gtest.h>

#include <cstdint>

namespace netstage::trace {
namespace {

Event withFields(Fields fields) { return Event{Time::zero(), "crepes.fr", "mail", "stored", std::move(fields)}; }

TEST(EventFields, readATextFieldAsWritten) {
    const Event event = withFields({{"mailbox", std::string{"bob@hamburger.edu"}}});
    EXPECT_EQ(event.text("mailbox"), "bob@hamburger.edu");
    EXPECT_EQ(event.text("folder"), "");
    EXPECT_FALSE(event.integer("folder"));
    EXPECT_EQ(event.field("folder"), nullptr);
}

TEST(EventFields, readAnIntegerAsANumberOrAsItsDecimalText) {
    const Event event = withFields({{"size", std::int64_t{498}}, {"delta", std::int64_t{-3}}});
    EXPECT_EQ(event.integer("size"), 498);
    EXPECT_EQ(event.text("size"), "498");
    EXPECT_EQ(event.integer("delta"), -3);
    EXPECT_EQ(event.text("delta"), "-3");
}

TEST(EventFields, takeANumberWrittenAsTextOnlyWhenItIsExactlyADecimalInteger) {
    const Event event = withFields({{"a", std::string{"120"}},
                                    {"b", std::string{"-7"}},
                                    {"c", std::string{"0"}},
                                    {"d", std::string{"9223372036854775807"}}});
    EXPECT_EQ(event.integer("a"), 120);
    EXPECT_EQ(event.integer("b"), -7);
    EXPECT_EQ(event.integer("c"), 0);
    EXPECT_EQ(event.integer("d"), INT64_MAX);
    for (const char* text : {"", "+25", " 25", "25 ", "25 s", "0x19", "007", "-0", "-", "1.5", "9223372036854775808"}) {
        const Event odd = withFields({{"x", std::string{text}}});
        EXPECT_FALSE(odd.integer("x")) << '"' << text << '"';
        EXPECT_EQ(odd.text("x"), text);
    }
}

TEST(EventFields, nameTheirLayerAndType) {
    const Event event = withFields({});
    EXPECT_TRUE(event.is("mail", "stored"));
    EXPECT_FALSE(event.is("mail", "deleted"));
    EXPECT_FALSE(event.is("smtp", "stored"));
}

}  // namespace
}  // namespace netstage::trace
