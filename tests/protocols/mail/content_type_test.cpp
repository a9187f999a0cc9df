#include <gtest/gtest.h>

#include "protocols/mail/content_type.hpp"

using namespace netstage::mime;

TEST(ContentType, readsTypeSubtypeAndParametersInAnyCase) {
    const ContentType t = parseContentType("Multipart/Mixed; Boundary=\"=_a b\"; charset=UTF-8 (a comment)");
    EXPECT_EQ(t.type, "multipart");
    EXPECT_EQ(t.subtype, "mixed");
    EXPECT_TRUE(t.isMultipart());
    EXPECT_EQ(t.parameter("boundary"), "=_a b");
    EXPECT_EQ(t.parameter("CHARSET"), "UTF-8");
    ASSERT_EQ(t.parameters.size(), 2u);
    EXPECT_EQ(t.parameters[0].name, "boundary");
}

TEST(ContentType, aValueThatIsNotTypeSlashSubtypeIsTheDefault) {
    EXPECT_EQ(parseContentType("garbage"), defaultContentType());
    EXPECT_EQ(parseContentType("text/"), defaultContentType());
    EXPECT_EQ(defaultContentType().parameter("charset"), "us-ascii");
}

TEST(ContentType, foldedValuesAndQuotedEscapesAreRead) {
    const ContentType t = parseContentType("text/plain;\r\n\tname=\"a \\\"b\\\".txt\"");
    EXPECT_EQ(t.parameter("name"), "a \"b\".txt");
}

TEST(ContentType, malformedParametersAreDroppedNotFatal) {
    const ContentType t = parseContentType("text/plain; ; =x; novalue; charset=utf-8");
    EXPECT_EQ(t.parameter("charset"), "utf-8");
    EXPECT_FALSE(t.parameter("novalue"));
}

TEST(Rfc2231, anExtendedValueIsPercentDecodedWithItsCharset) {
    const auto d = parseContentDisposition("attachment; filename*=UTF-8'en'%E2%82%AC%20rates.txt");
    EXPECT_EQ(d.type, "attachment");
    ASSERT_EQ(d.parameters.size(), 1u);
    EXPECT_EQ(d.parameters[0].value, "\xE2\x82\xAC rates.txt");
    EXPECT_EQ(d.parameters[0].charset, "utf-8");
    EXPECT_EQ(d.parameters[0].language, "en");
}

TEST(Rfc2231, continuationsJoinInSectionOrder) {
    const auto d = parseContentDisposition(
        "attachment; filename*1*=%C3%A9.txt; filename*0*=utf-8''caf; title*0=\"a \"; title*1=b");
    EXPECT_EQ(d.parameter("filename"), "caf\xC3\xA9.txt");
    EXPECT_EQ(d.parameter("title"), "a b");
    EXPECT_EQ(d.parameters[0].charset, "utf-8");
}

TEST(Rfc2231, sectionsStopAtTheFirstGapAndAValueWithoutSectionZeroIsDropped) {
    const auto d = parseContentDisposition("inline; a*0=x; a*2=z; b*1=y");
    EXPECT_EQ(d.parameter("a"), "x");
    EXPECT_FALSE(d.parameter("b"));
}

TEST(FormatParameter, quotesWhenNeededAndUsesRfc2231ForNonAscii) {
    EXPECT_EQ(formatParameter("charset", "utf-8"), "; charset=utf-8");
    EXPECT_EQ(formatParameter("name", "my file.txt"), "; name=\"my file.txt\"");
    EXPECT_EQ(formatParameter("name", "a\"b"), "; name=\"a\\\"b\"");
    EXPECT_EQ(formatParameter("filename", "caf\xC3\xA9 1.txt"), "; filename*=utf-8''caf%C3%A9%201.txt");
}

TEST(FormatParameter, whatIsFormattedParsesBackToTheSameValue) {
    for (const std::string value : {"plain", "with space", "q\"uote", "caf\xC3\xA9", "100%'*;="}) {
        const auto parsed = parseParameterizedValue("x/y" + formatParameter("p", value));
        ASSERT_NE(parsed.find("p"), nullptr) << value;
        EXPECT_EQ(parsed.find("p")->value, value);
    }
}
