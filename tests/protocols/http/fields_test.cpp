#include <gtest/gtest.h>

#include "protocols/http/fields.hpp"
#include "protocols/http/message.hpp"
#include "protocols/http/static_site.hpp"

using namespace netstage::http;

TEST(HttpFields, findFieldsAndListElementsWhateverTheCase) {
    HeaderFields fields;
    fields.add("Connection", "keep-alive, Upgrade");
    fields.add("connection", " close ");
    fields.add("Host", "crepes.fr");
    EXPECT_EQ(fields.get("HOST"), "crepes.fr");
    EXPECT_EQ(fields.count("CONNECTION"), 2u);
    EXPECT_TRUE(fields.hasToken("Connection", "CLOSE"));
    EXPECT_TRUE(fields.hasToken("Connection", "upgrade"));
    EXPECT_FALSE(fields.hasToken("Connection", "keep"));
    EXPECT_EQ(fields.elements("connection").size(), 3u);
}

TEST(HttpFields, parseFieldLinesAsRfc9112Says) {
    EXPECT_EQ(parseFieldLine("Host:  crepes.fr \t").field, (Field{"Host", "crepes.fr"}));
    EXPECT_EQ(parseFieldLine("X-Empty:").field, (Field{"X-Empty", ""}));
    EXPECT_EQ(parseFieldLine("X: caf\xc3\xa9").field, (Field{"X", "caf\xc3\xa9"})) << "obs-text is allowed";
    EXPECT_FALSE(parseFieldLine("Host :x").field);
    EXPECT_FALSE(parseFieldLine(":x").field);
    EXPECT_FALSE(parseFieldLine("Ho st: x").field);
    EXPECT_FALSE(parseFieldLine(std::string_view{"X: a\0b", 6}).field);
}

TEST(HttpFields, contentLengthIsDigitsOrAListOfTheSameDigits) {
    const auto length = [](std::initializer_list<const char*> values) {
        HeaderFields fields;
        for (const char* v : values) fields.add("Content-Length", v);
        return parseContentLength(fields);
    };
    EXPECT_EQ(length({"42"}).length, 42u);
    EXPECT_EQ(length({"42, 42", "042"}).length, std::nullopt) << "\"042\" is a different value as written";
    EXPECT_EQ(length({"42, 42", "42"}).length, 42u);
    EXPECT_EQ(length({"4 2"}).length, std::nullopt);
    EXPECT_EQ(length({"-1"}).length, std::nullopt);
    EXPECT_EQ(length({""}).length, std::nullopt);
    EXPECT_TRUE(length({"99999999999999999999"}).overflow);
}

TEST(HttpMessage, parsesRequestAndStatusLines) {
    const auto line = parseRequestLine("GET /inbox?x=1 HTTP/1.1");
    ASSERT_TRUE(line.line);
    EXPECT_EQ(line.line->method, "GET");
    EXPECT_EQ(line.line->target, "/inbox?x=1");
    EXPECT_EQ(parseRequestLine("OPTIONS * HTTP/1.1").status, 0);
    EXPECT_EQ(parseRequestLine("GET * HTTP/1.1").status, 400);
    EXPECT_EQ(parseRequestLine("CONNECT crepes.fr:443 HTTP/1.1").status, 0);
    EXPECT_EQ(parseRequestLine("GET / HTTP/3.0").status, 505);

    const auto status = parseStatusLine("HTTP/1.0 404 Not Found");
    ASSERT_TRUE(status);
    EXPECT_EQ(status->status, 404);
    EXPECT_EQ(status->reason, "Not Found");
    EXPECT_EQ(status->version, (Version{1, 0}));
    EXPECT_TRUE(parseStatusLine("HTTP/1.1 204"));
    EXPECT_FALSE(parseStatusLine("HTTP/1.1 20x OK"));
    EXPECT_FALSE(parseStatusLine("HTTP/1.1 200OK"));
    EXPECT_FALSE(parseStatusLine("HTTP/2 200 OK"));
}

TEST(HttpStaticSite, findsThePathOfEveryTargetForm) {
    EXPECT_EQ(StaticSite::pathOf("/a?b=c"), "/a");
    EXPECT_EQ(StaticSite::pathOf("http://crepes.fr/a/b?c"), "/a/b");
    EXPECT_EQ(StaticSite::pathOf("http://crepes.fr"), "/");
    EXPECT_EQ(StaticSite::pathOf("*"), "*");
}
