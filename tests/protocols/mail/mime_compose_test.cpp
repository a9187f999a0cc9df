#include <gtest/gtest.h>

#include <string>

#include "protocols/mail/encoded_word.hpp"
#include "protocols/mail/mime_compose.hpp"
#include "protocols/mail/mime_part_tree.hpp"

using namespace netstage::mime;

namespace {

void expectSevenBitLines(const std::string& message) {
    std::size_t start = 0;
    while (start < message.size()) {
        std::size_t end = message.find("\r\n", start);
        ASSERT_NE(end, std::string::npos) << "the message does not end in CRLF";
        EXPECT_LE(end - start, 998u);
        for (std::size_t i = start; i < end; ++i) {
            const auto u = static_cast<unsigned char>(message[i]);
            EXPECT_TRUE(u < 128 && u != 0 && message[i] != '\r' && message[i] != '\n') << "octet " << int{u};
        }
        start = end + 2;
    }
}

MimeMessageSpec sample() {
    MimeMessageSpec spec;
    spec.headers = {{"From", "Zo\xC3\xAB Dupr\xC3\xA9 <zoe@crepes.fr>"},
                    {"To", "bob@hamburger.edu"},
                    {"Subject", "Cr\xC3\xAApes et galettes"}};
    spec.text = "Bonjour Bob,\nvoici la recette de la cr\xC3\xAApe.\n";
    spec.html = "<p>Bonjour <b>Bob</b></p>\n";
    Attachment picture;
    picture.fileName = "cr\xC3\xAApe.png";
    picture.contentType = "image/png";
    for (int i = 0; i < 1000; ++i) picture.data.push_back(static_cast<char>(i * 7));
    spec.attachments.push_back(picture);
    return spec;
}

}  // namespace

TEST(MimeCompose, plainAsciiTextIsOneSevenBitPart) {
    MimeMessageSpec spec;
    spec.headers = {{"Subject", "hi"}};
    spec.text = "Hello\n";
    EXPECT_EQ(composeMimeMessage(spec),
              "Subject: hi\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n"
              "Content-Transfer-Encoding: 7bit\r\n\r\nHello\r\n");
}

TEST(MimeCompose, nonAsciiTextIsQuotedPrintableUtf8) {
    MimeMessageSpec spec;
    spec.text = "caf\xC3\xA9";
    const std::string message = composeMimeMessage(spec);
    EXPECT_NE(message.find("charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9"),
              std::string::npos);
}

TEST(MimeCompose, longAsciiLinesAreQuotedPrintableToo) {
    EXPECT_TRUE(needsQuotedPrintable(std::string(999, 'a')));
    EXPECT_FALSE(needsQuotedPrintable(std::string(998, 'a') + "\n" + std::string(998, 'a')));
    EXPECT_TRUE(needsQuotedPrintable("bare\rcr"));
}

TEST(MimeCompose, everyLineIsSevenBitAndShortEnoughForSmtp) { expectSevenBitLines(composeMimeMessage(sample())); }

TEST(MimeCompose, theTreeParsesBackWithTheSameContent) {
    const MimeMessageSpec spec = sample();
    const std::string message = composeMimeMessage(spec);
    const MimePart root = parseMimeMessage(message);
    EXPECT_EQ(root.contentType.mediaType(), "multipart/mixed");
    ASSERT_EQ(root.children.size(), 2u);
    const MimePart& alternative = root.children[0];
    ASSERT_EQ(alternative.children.size(), 2u);
    EXPECT_EQ(alternative.children[0].decodedBody().bytes, "Bonjour Bob,\r\nvoici la recette de la cr\xC3\xAApe.\r\n");
    EXPECT_EQ(alternative.children[1].contentType.mediaType(), "text/html");
    EXPECT_EQ(alternative.children[1].decodedBody().bytes, "<p>Bonjour <b>Bob</b></p>\r\n");
    const MimePart& picture = root.children[1];
    EXPECT_EQ(picture.contentType.mediaType(), "image/png");
    EXPECT_EQ(picture.fileName(), "cr\xC3\xAApe.png");
    EXPECT_EQ(picture.decodedBody().bytes, spec.attachments[0].data);
    EXPECT_EQ(decodeHeaderText(*root.field("Subject")), "Cr\xC3\xAApes et galettes");
    EXPECT_EQ(decodeHeaderText(*root.field("From")), "Zo\xC3\xAB Dupr\xC3\xA9 <zoe@crepes.fr>");
    EXPECT_NE(root.field("From")->find("<zoe@crepes.fr>"), std::string::npos) << "the address itself stays readable";
}

TEST(MimeCompose, theSameInputGivesTheSameBytes) {
    EXPECT_EQ(composeMimeMessage(sample()), composeMimeMessage(sample()));
}

TEST(MimeCompose, aBoundaryNeverOccursInsideAPart) {
    MimeMessageSpec first = sample();
    first.html.reset();
    const std::string message = composeMimeMessage(first);
    const MimePart firstRoot = parseMimeMessage(message);
    const std::string boundary{*firstRoot.contentType.parameter("boundary")};
    // Text that contains the very boundary the first message used.
    MimeMessageSpec second = first;
    second.text = "--" + boundary + "\n--" + boundary + "--\n";
    const std::string composed = composeMimeMessage(second);  // the tree holds views into it
    const MimePart root = parseMimeMessage(composed);
    ASSERT_EQ(root.children.size(), 2u);
    EXPECT_EQ(root.children[0].decodedBody().bytes, "--" + boundary + "\r\n--" + boundary + "--\r\n");
}

TEST(MimeCompose, aLineBreakInAHeaderValueCannotAddAField) {
    MimeMessageSpec spec;
    spec.headers = {{"To", "bob@hamburger.edu\r\nBcc: eve@evil.example"}, {"Subject", "hi\r\nBcc: eve@evil.example"}};
    spec.text = "x";
    const std::string message = composeMimeMessage(spec);
    const MimePart root = parseMimeMessage(message);
    EXPECT_FALSE(root.field("Bcc"));
    EXPECT_EQ(root.field("To"), "bob@hamburger.edu  Bcc: eve@evil.example");
    EXPECT_EQ(decodeHeaderText(*root.field("Subject")), "hi\r\nBcc: eve@evil.example");
}
