#include <gtest/gtest.h>

#include <string>

#include "protocols/mail/transfer_encoding.hpp"

using namespace netstage::mime;

namespace {
std::string allOctets() {
    std::string out;
    for (int i = 0; i < 256; ++i) out.push_back(static_cast<char>(i));
    return out;
}
}  // namespace

TEST(TransferEncoding, namesAreReadInAnyCaseAndAnEmptyValueIsSevenBit) {
    EXPECT_EQ(parseTransferEncoding(" Base64 "), TransferEncoding::Base64);
    EXPECT_EQ(parseTransferEncoding("QUOTED-PRINTABLE"), TransferEncoding::QuotedPrintable);
    EXPECT_EQ(parseTransferEncoding(""), TransferEncoding::SevenBit);
    EXPECT_EQ(parseTransferEncoding("8bit"), TransferEncoding::EightBit);
    EXPECT_EQ(parseTransferEncoding("x-uuencode"), TransferEncoding::Unknown);
    EXPECT_EQ(transferEncodingName(TransferEncoding::QuotedPrintable), "quoted-printable");
}

TEST(Base64, encodesInLinesOfSeventySixCharacters) {
    const std::string encoded = encodeBase64(std::string(100, 'x'));
    EXPECT_EQ(encoded.find("\r\n"), 76u);
    EXPECT_EQ(encoded.size(), 136u + 4u);  // 136 characters, two CRLFs
    EXPECT_EQ(encodeBase64("Man"), "TWFu\r\n");
    EXPECT_EQ(encodeBase64("Ma"), "TWE=\r\n");
    EXPECT_EQ(encodeBase64("M"), "TQ==\r\n");
    EXPECT_EQ(encodeBase64(""), "");
}

TEST(Base64, decodingUndoesEncodingForEveryOctetAndLength) {
    const std::string data = allOctets() + allOctets();
    for (std::size_t n = 0; n < data.size(); n += 7) {
        const auto decoded = decodeBase64(encodeBase64(data.substr(0, n)));
        EXPECT_TRUE(decoded.clean);
        EXPECT_EQ(decoded.bytes, data.substr(0, n)) << n;
    }
}

TEST(Base64, aTruncatedGroupGivesTheWholeOctetsItHoldsAndIsReported) {
    const auto decoded = decodeBase64("TWFu\r\nTWE");  // "Man" then "Ma" without its padding
    EXPECT_EQ(decoded.bytes, "ManMa");
    EXPECT_FALSE(decoded.clean);
    const auto lonely = decodeBase64("TWFuT");
    EXPECT_EQ(lonely.bytes, "Man");
    EXPECT_FALSE(lonely.clean);
}

TEST(Base64, junkCharactersAreSkippedAndReported) {
    const auto decoded = decodeBase64("TW*Fu");
    EXPECT_EQ(decoded.bytes, "Man");
    EXPECT_FALSE(decoded.clean);
    EXPECT_TRUE(decodeBase64("TW Fu\r\n").clean);
}

TEST(QuotedPrintable, escapesNonAsciiEqualsAndTrailingWhitespace) {
    EXPECT_EQ(encodeQuotedPrintable("Grüße = 1 \nok"), "Gr=C3=BC=C3=9Fe =3D 1=20\r\nok");
    EXPECT_EQ(encodeQuotedPrintable("tab\t"), "tab=09");
}

TEST(QuotedPrintable, softBreaksKeepLinesWithinSeventySixCharacters) {
    const std::string encoded = encodeQuotedPrintable(std::string(200, 'a') + "\n" + std::string(100, '\xE9'));
    std::size_t start = 0;
    while (start < encoded.size()) {
        std::size_t end = encoded.find("\r\n", start);
        if (end == std::string::npos) end = encoded.size();
        EXPECT_LE(end - start, 76u);
        start = end + 2;
    }
    EXPECT_EQ(decodeQuotedPrintable(encoded).bytes, std::string(200, 'a') + "\r\n" + std::string(100, '\xE9'));
}

TEST(QuotedPrintable, decodingUndoesEncodingForEveryOctet) {
    std::string data = allOctets();
    // Line breaks in text travel as CRLF, so the original uses CRLF only.
    std::string text;
    for (const char c : data) {
        if (c == '\n') text += "\r\n";
        else if (c != '\r') text.push_back(c);
    }
    const std::string encoded = encodeQuotedPrintable(text);
    for (const char c : encoded) EXPECT_LT(static_cast<unsigned char>(c), 128u);
    const auto decoded = decodeQuotedPrintable(encoded);
    EXPECT_TRUE(decoded.clean);
    EXPECT_EQ(decoded.bytes, text);
}

TEST(QuotedPrintable, decodesLowerCaseHexSoftBreaksAndDropsTrailingBlanks) {
    EXPECT_EQ(decodeQuotedPrintable("caf=c3=a9 =\r\nnoir  \r\nend").bytes, "café noir\r\nend");
}

TEST(QuotedPrintable, aMalformedEscapeStaysAsItIs) {
    const auto decoded = decodeQuotedPrintable("a=ZZb=4");
    EXPECT_EQ(decoded.bytes, "a=ZZb=4");
    EXPECT_FALSE(decoded.clean);
}

TEST(TransferEncoding, decodeBodyLeavesIdentityEncodingsAlone) {
    EXPECT_EQ(decodeBody(TransferEncoding::EightBit, "caf\xC3\xA9").bytes, "caf\xC3\xA9");
    EXPECT_EQ(decodeBody(TransferEncoding::Base64, "aGk=").bytes, "hi");
    EXPECT_EQ(decodeBody(TransferEncoding::Unknown, "aGk=").bytes, "aGk=");
}
