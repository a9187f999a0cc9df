#include <gtest/gtest.h>

#include "protocols/mail/encoded_word.hpp"

using namespace netstage::mime;

TEST(EncodedWord, decodesBAndQWordsToUtf8) {
    EXPECT_EQ(decodeHeaderText("=?UTF-8?B?R3LDvMOfZQ==?="), "Gr\xC3\xBC\xC3\x9F" "e");
    EXPECT_EQ(decodeHeaderText("=?utf-8?q?caf=C3=A9_noir?="), "caf\xC3\xA9 noir");
    EXPECT_EQ(decodeHeaderText("=?ISO-8859-1?Q?caf=E9?="), "caf\xC3\xA9");
}

TEST(EncodedWord, whitespaceBetweenAdjacentWordsIsDroppedButNotAroundText) {
    EXPECT_EQ(decodeHeaderText("=?utf-8?q?a?= \r\n =?utf-8?q?b?="), "ab");
    EXPECT_EQ(decodeHeaderText("Re: =?utf-8?q?a?= x"), "Re: a x");
}

TEST(EncodedWord, malformedWordsStayAsTheyAreWritten) {
    EXPECT_EQ(decodeHeaderText("=?utf-8?x?abc?="), "=?utf-8?x?abc?=");
    EXPECT_EQ(decodeHeaderText("=?utf-8?q?a=Z?="), "=?utf-8?q?a=Z?=");
    EXPECT_EQ(decodeHeaderText("=?utf-8?q?unterminated"), "=?utf-8?q?unterminated");
    EXPECT_EQ(decodeHeaderText("a=?utf-8?q?glued?="), "a=?utf-8?q?glued?=");
}

TEST(EncodedWord, asciiTextIsNotEncoded) { EXPECT_EQ(encodeHeaderText("Hello there"), "Hello there"); }

TEST(EncodedWord, encodingKeepsWordsShortAndUtf8SequencesWhole) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "\xC3\xA9 ";  // "é " forty times
    const std::string encoded = encodeHeaderText(text, false, 9);
    std::size_t start = 0;
    bool first = true;
    while (start < encoded.size()) {
        std::size_t end = encoded.find("\r\n ", start);
        if (end == std::string::npos) end = encoded.size();
        const std::string word = encoded.substr(start, end - start);
        EXPECT_LE(word.size() + (first ? 9 : 1), 78u) << word;
        EXPECT_EQ(word.rfind("=?utf-8?Q?", 0), 0u);
        EXPECT_EQ(word.find("=C3?="), std::string::npos) << "a split sequence: " << word;
        first = false;
        start = end == encoded.size() ? end : end + 3;
    }
    EXPECT_EQ(decodeHeaderText(encoded), text);
}

TEST(EncodedWord, phrasesEscapeAddressSpecials) {
    const std::string encoded = encodeHeaderText("Zo\xC3\xAB <x>, \"y\"", true);
    EXPECT_EQ(encoded.find_first_of("<>,\""), std::string::npos);
    EXPECT_EQ(decodeHeaderText(encoded), "Zo\xC3\xAB <x>, \"y\"");
}
