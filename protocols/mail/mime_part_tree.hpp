#pragma once
// A message as its tree of MIME parts (RFC 2045, RFC 2046): multipart
// bodies split at their boundaries, message/rfc822 bodies opened as the
// message they hold. Every part refers to the original text by views, so a
// 50 MB attachment is never copied; the tree is valid only while the text
// it was parsed from lives.
//
// Parsing never fails. What cannot be analysed becomes an opaque part whose
// body is the raw text: a multipart without a boundary parameter or without
// a single delimiter line, anything nested deeper than MimeLimits::maxDepth,
// and everything after the first MimeLimits::maxParts parts. So memory and
// stack stay bounded whatever the input, and a reader still sees the text.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/mail/content_type.hpp"
#include "protocols/mail/transfer_encoding.hpp"

namespace netstage::mime {

struct MimeLimits {
    std::size_t maxDepth = 32;    // multipart and message/rfc822 levels below the message
    std::size_t maxParts = 1000;  // parts in the whole tree, the message included
};

enum class MimeProblem {
    None,
    MissingBoundary,   // multipart without a boundary parameter: opaque
    NoDelimiter,       // multipart whose body holds no delimiter line: opaque
    UnclosedMultipart, // the close delimiter never came: the last part runs to the end
    TooDeep,           // past maxDepth: opaque
    TooManyParts,      // past maxParts: this part holds the rest of its parent, opaque
};

struct MimePart {
    std::size_t offset = 0;   // where the part (its header) starts in the parsed text
    std::string_view header;  // header fields and the empty line after them; may be empty
    std::string_view body;    // the rest of the part, as it travelled (still transfer-encoded)
    ContentType contentType;  // the default (text/plain; charset=us-ascii) when absent
    TransferEncoding encoding = TransferEncoding::SevenBit;
    std::string encodingName;  // as declared, lower case; empty when there is no Content-Transfer-Encoding
    // Multipart: its body parts in order. message/rfc822: the one message it holds.
    std::vector<MimePart> children;
    bool opaque = false;  // not analysed (see MimeProblem); shown as raw text
    MimeProblem problem = MimeProblem::None;

    // A header field of this part, unfolded; nullopt when absent.
    std::optional<std::string> field(std::string_view name) const;
    std::optional<ContentDisposition> disposition() const;
    // The attachment's file name: Content-Disposition's filename, else
    // Content-Type's name; RFC 2231 and RFC 2047 encodings decoded to UTF-8.
    std::optional<std::string> fileName() const;
    // Octets after undoing the transfer encoding (a copy: call it for the part you show).
    Decoded decodedBody() const;
    std::size_t lineCount() const;  // line feeds in the body
};

// The message (RFC 5322 header, then the body) as a tree; the root is the message itself.
MimePart parseMimeMessage(std::string_view message, const MimeLimits& limits = {});

// IMAP's part numbering (RFC 3501 §6.4.5): [2, 1] is the first part of the
// second part. A non-multipart body is part 1 of its message; the parts of
// a message/rfc822 part are those of the message it holds. nullptr when
// there is no such part. An empty path is the root.
const MimePart* partAt(const MimePart& root, const std::vector<std::uint32_t>& path);

// Every part in depth-first order (the root first), for search and display.
std::vector<const MimePart*> flatten(const MimePart& root);

}  // namespace netstage::mime
