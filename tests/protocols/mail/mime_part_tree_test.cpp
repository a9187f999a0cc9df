#include <gtest/gtest.h>

#include <string>

#include "protocols/mail/mime_part_tree.hpp"

using namespace netstage::mime;

namespace {

const std::string nested =
    "From: alice@crepes.fr\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=outer\r\n"
    "\r\n"
    "preamble, ignored\r\n"
    "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=\"inner\"\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "caf=C3=A9\r\n"
    "--inner\r\n"
    "Content-Type: text/html\r\n"
    "\r\n"
    "<p>cafe</p>\r\n"
    "--inner--\r\n"
    "--outer\r\n"
    "Content-Type: application/octet-stream; name=x.bin\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment; filename*=utf-8''%C3%A9.bin\r\n"
    "\r\n"
    "AAEC/w==\r\n"
    "--outer\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "Subject: inner\r\n"
    "\r\n"
    "Hello\r\n"
    "--outer--\r\n"
    "epilogue\r\n";

std::string offsetText(const std::string& source, std::string_view view) {
    const auto offset = static_cast<std::size_t>(view.data() - source.data());
    return source.substr(offset, view.size());
}

}  // namespace

TEST(MimePartTree, aMessageWithoutMimeHeadersIsOneUsAsciiTextPart) {
    const std::string message = "Subject: hi\r\n\r\nHello\r\n";
    const MimePart root = parseMimeMessage(message);
    EXPECT_EQ(root.contentType, defaultContentType());
    EXPECT_EQ(root.header, "Subject: hi\r\n\r\n");
    EXPECT_EQ(root.body, "Hello\r\n");
    EXPECT_TRUE(root.children.empty());
    EXPECT_EQ(root.encodingName, "");
    EXPECT_EQ(root.lineCount(), 1u);
}

TEST(MimePartTree, nestedMultipartsAreSplitAtTheirBoundaries) {
    const MimePart root = parseMimeMessage(nested);
    ASSERT_EQ(root.children.size(), 3u);
    const MimePart& alternative = root.children[0];
    EXPECT_EQ(alternative.contentType.mediaType(), "multipart/alternative");
    ASSERT_EQ(alternative.children.size(), 2u);
    EXPECT_EQ(alternative.children[0].body, "caf=C3=A9");
    EXPECT_EQ(alternative.children[0].decodedBody().bytes, "caf\xC3\xA9");
    EXPECT_EQ(alternative.children[1].contentType.mediaType(), "text/html");
    EXPECT_EQ(alternative.children[1].body, "<p>cafe</p>");
    const MimePart& attachment = root.children[1];
    EXPECT_EQ(attachment.decodedBody().bytes, std::string("\x00\x01\x02\xFF", 4));
    EXPECT_EQ(attachment.fileName(), "\xC3\xA9.bin");
    EXPECT_EQ(attachment.encodingName, "base64");
    EXPECT_EQ(root.problem, MimeProblem::None);
}

TEST(MimePartTree, partsAreViewsIntoTheSourceAtTheirOffsets) {
    const MimePart root = parseMimeMessage(nested);
    for (const MimePart* part : flatten(root)) {
        ASSERT_GE(part->header.data(), nested.data());
        ASSERT_LE(part->body.data() + part->body.size(), nested.data() + nested.size());
        EXPECT_EQ(offsetText(nested, part->header), nested.substr(part->offset, part->header.size()));
        EXPECT_EQ(part->header.data() + part->header.size(), part->body.data());
    }
}

TEST(MimePartTree, aMessageRfc822PartHoldsTheMessageAsAChild) {
    const MimePart root = parseMimeMessage(nested);
    const MimePart& forwarded = root.children[2];
    ASSERT_EQ(forwarded.children.size(), 1u);
    EXPECT_EQ(forwarded.children[0].field("Subject"), "inner");
    EXPECT_EQ(forwarded.children[0].body, "Hello");
}

TEST(MimePartTree, imapNumberingFollowsRfc3501) {
    const MimePart root = parseMimeMessage(nested);
    EXPECT_EQ(partAt(root, {}), &root);
    EXPECT_EQ(partAt(root, {1}), &root.children[0]);
    EXPECT_EQ(partAt(root, {1, 2}), &root.children[0].children[1]);
    EXPECT_EQ(partAt(root, {3}), &root.children[2]);
    // The message inside part 3 is not multipart: its body is part 3.1.
    EXPECT_EQ(partAt(root, {3, 1}), &root.children[2].children[0]);
    EXPECT_EQ(partAt(root, {4}), nullptr);
    EXPECT_EQ(partAt(root, {0}), nullptr);
    EXPECT_EQ(partAt(root, {2, 1}), nullptr);
    const std::string single = "Subject: x\r\n\r\nbody";
    const MimePart one = parseMimeMessage(single);
    EXPECT_EQ(partAt(one, {1}), &one);
    EXPECT_EQ(partAt(one, {2}), nullptr);
}

TEST(MimePartTree, aMultipartWithoutBoundaryIsOneOpaquePart) {
    const std::string message = "Content-Type: multipart/mixed\r\n\r\n--x\r\nhello\r\n--x--\r\n";
    const MimePart root = parseMimeMessage(message);
    EXPECT_TRUE(root.opaque);
    EXPECT_EQ(root.problem, MimeProblem::MissingBoundary);
    EXPECT_TRUE(root.children.empty());
    EXPECT_EQ(root.body, "--x\r\nhello\r\n--x--\r\n");
}

TEST(MimePartTree, aMultipartWithoutDelimiterLinesIsOpaque) {
    const MimePart root = parseMimeMessage("Content-Type: multipart/mixed; boundary=b\r\n\r\nno parts here\r\n--bb\r\n");
    EXPECT_TRUE(root.opaque);
    EXPECT_EQ(root.problem, MimeProblem::NoDelimiter);
}

TEST(MimePartTree, aNeverClosedMultipartEndsAtTheEndOfTheText) {
    const std::string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\n\r\ntwo, cut";
    const MimePart root = parseMimeMessage(message);
    EXPECT_EQ(root.problem, MimeProblem::UnclosedMultipart);
    ASSERT_EQ(root.children.size(), 2u);
    EXPECT_EQ(root.children[0].body, "one");
    EXPECT_EQ(root.children[1].body, "two, cut");
}

TEST(MimePartTree, aPartWithoutHeaderOrEmptyLineIsAllBody) {
    const std::string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\njust text\r\n--b--\r\n";
    const MimePart root = parseMimeMessage(message);
    ASSERT_EQ(root.children.size(), 1u);
    EXPECT_EQ(root.children[0].header, "");
    EXPECT_EQ(root.children[0].body, "just text");
}

TEST(MimePartTree, aBoundaryThatOnlyPrefixesALineIsNotADelimiter) {
    const std::string message =
        "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n--bx is text\r\n--b --\r\n--b--\r\n";
    const MimePart root = parseMimeMessage(message);
    ASSERT_EQ(root.children.size(), 1u);
    EXPECT_EQ(root.children[0].body, "--bx is text\r\n--b --");
}

TEST(MimePartTree, lineFeedOnlyMessagesAreSplitToo) {
    const std::string message = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\na\n--b\n\nb\n--b--\n";
    const MimePart root = parseMimeMessage(message);
    ASSERT_EQ(root.children.size(), 2u);
    EXPECT_EQ(root.children[0].body, "a");
    EXPECT_EQ(root.children[1].body, "b");
}

TEST(MimePartTree, digestPartsDefaultToMessageRfc822) {
    const std::string message =
        "Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: one\r\n\r\nbody\r\n--d--\r\n";
    const MimePart root = parseMimeMessage(message);
    ASSERT_EQ(root.children.size(), 1u);
    EXPECT_TRUE(root.children[0].contentType.isMessageRfc822());
    ASSERT_EQ(root.children[0].children.size(), 1u);
    EXPECT_EQ(root.children[0].children[0].field("Subject"), "one");
}

TEST(MimePartTree, nestingDeeperThanTheLimitBecomesOneOpaquePart) {
    // 1,000 levels of multipart, each one part holding the next.
    std::string message = "Content-Type: multipart/mixed; boundary=b0\r\n\r\n";
    for (int i = 1; i <= 1000; ++i) {
        message += "--b" + std::to_string(i - 1) + "\r\nContent-Type: multipart/mixed; boundary=b" +
                   std::to_string(i) + "\r\n\r\n";
    }
    const MimePart root = parseMimeMessage(message);
    const MimeLimits limits;
    const MimePart* part = &root;
    std::size_t depth = 0;
    while (!part->children.empty()) {
        part = &part->children[0];
        ++depth;
    }
    EXPECT_EQ(depth, limits.maxDepth);
    EXPECT_TRUE(part->opaque);
    EXPECT_EQ(part->problem, MimeProblem::TooDeep);
    EXPECT_LE(flatten(root).size(), limits.maxDepth + 1);
}

TEST(MimePartTree, partsPastTheLimitAreKeptAsOneOpaqueRest) {
    std::string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
    for (int i = 0; i < 50; ++i) message += "--b\r\n\r\npart " + std::to_string(i) + "\r\n";
    message += "--b--\r\n";
    const MimePart root = parseMimeMessage(message, MimeLimits{32, 10});
    ASSERT_EQ(root.children.size(), 10u);  // 9 parts and the rest
    EXPECT_EQ(root.children[8].body, "part 8");
    EXPECT_TRUE(root.children[9].opaque);
    EXPECT_EQ(root.children[9].problem, MimeProblem::TooManyParts);
    EXPECT_EQ(root.children[9].body.substr(0, 8), "\r\npart 9");
    EXPECT_TRUE(root.children[9].body.ends_with("part 49"));
}

TEST(MimePartTree, aFiftyMegabytePartIsAViewNotACopy) {
    std::string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    const std::size_t start = message.size();
    message.append(50u * 1024 * 1024, 'A');
    message += "\r\n--b--\r\n";
    const MimePart root = parseMimeMessage(message);
    ASSERT_EQ(root.children.size(), 1u);
    EXPECT_EQ(root.children[0].body.data(), message.data() + start);
    EXPECT_EQ(root.children[0].body.size(), 50u * 1024 * 1024);
}

TEST(MimePartTree, truncatedBase64DecodesWhatItHolds) {
    const std::string message = "Content-Transfer-Encoding: base64\r\n\r\nTWFuTW";
    const auto decoded = parseMimeMessage(message).decodedBody();
    EXPECT_EQ(decoded.bytes, "ManM");
    EXPECT_FALSE(decoded.clean);
}

TEST(MimePartTree, aMessageCutAtEveryOctetStillParsesIntoPartsInsideIt) {
    for (std::size_t cut = 0; cut <= nested.size(); ++cut) {
        const std::string prefix = nested.substr(0, cut);
        const MimePart root = parseMimeMessage(prefix);
        for (const MimePart* part : flatten(root)) {
            ASSERT_GE(part->header.data(), prefix.data()) << cut;
            ASSERT_LE(part->body.data() + part->body.size(), prefix.data() + prefix.size()) << cut;
            ASSERT_EQ(part->header.data() + part->header.size(), part->body.data()) << cut;
            part->decodedBody();
        }
        // Once the attachment's delimiter line is whole, its part exists, cut short or not.
        const std::size_t attachmentStart = nested.find("--outer\r\nContent-Type: application") + 9;
        if (cut >= attachmentStart) {
            ASSERT_GE(root.children.size(), 2u) << cut;
            EXPECT_TRUE(nested.substr(attachmentStart).starts_with(root.children[1].header)) << cut;
        }
        const std::size_t firstPart = nested.find("--outer\r\n") + 9;
        if (cut >= firstPart && cut < nested.size() - std::string{"--outer--\r\nepilogue\r\n"}.size()) {
            EXPECT_EQ(root.problem, MimeProblem::UnclosedMultipart) << cut;
        }
    }
}
