#pragma once
// Composing a MIME message (RFC 2045, 2046, 2047, 2231) as a user agent
// does, under SMTP's 7-bit rule: ASCII text goes as 7bit, other text as
// quoted-printable UTF-8, attachments as base64, non-ASCII header text as
// encoded-words. A pure function of its input: the boundaries are derived
// from the content, so the same input always gives the same bytes.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace netstage::mime {

struct Attachment {
    std::string fileName;                               // UTF-8; RFC 2231-encoded when not ASCII
    std::string contentType = "application/octet-stream";  // "type/subtype", parameters allowed
    std::string data;                                   // the octets
    bool inlineDisposition = false;                     // "inline" rather than "attachment"
};

struct MimeMessageSpec {
    // Header fields in order ("From", "Alice <alice@crepes.fr>"), values in
    // UTF-8. Address fields (From, To, Cc, Bcc, Reply-To, Sender) encode
    // only display names; other fields encode their whole text.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string text;                 // the plain text body, UTF-8, LF or CRLF line ends
    std::optional<std::string> html;  // an HTML alternative (multipart/alternative)
    std::vector<Attachment> attachments;  // after the text (multipart/mixed)
    // Non-ASCII text as "8bit" rather than quoted-printable, for a server
    // that offered 8BITMIME (RFC 6152); text with a NUL, a bare CR or a line
    // over 998 octets still goes as quoted-printable.
    bool eightBitText = false;
};

// Header fields, MIME-Version, then the body; CRLF line ends; every line
// 7-bit and at most 998 octets (RFC 5322 §2.1.1). Text alone is a single
// text/plain part; with `html` the two go in multipart/alternative; with
// attachments everything is wrapped in multipart/mixed.
std::string composeMimeMessage(const MimeMessageSpec& spec);

// How one text is sent: "7bit" when it is ASCII with lines of at most 998
// octets and no bare CR, else "quoted-printable".
bool needsQuotedPrintable(std::string_view text);
// Whether text may go as "8bit" (RFC 2045 §2.8): lines of at most 998
// octets, no NUL, no bare CR.
bool fitsEightBit(std::string_view text);

}  // namespace netstage::mime
