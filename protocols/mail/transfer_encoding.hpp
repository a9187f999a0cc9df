#pragma once
// Content-Transfer-Encoding (RFC 2045 §6): how a part's octets travel as
// 7-bit lines. Decoding is lenient, as a reader must be with mail from the
// wild (stray characters, missing padding, a truncated last group); encoding
// is strict, so that what NetStage sends always fits SMTP's 7-bit rule.

#include <string>
#include <string_view>

namespace netstage::mime {

enum class TransferEncoding { SevenBit, EightBit, Binary, QuotedPrintable, Base64, Unknown };

// "7bit", "8bit", "binary", "quoted-printable", "base64" in any case and with
// surrounding whitespace; an empty value is 7bit (RFC 2045 §6.1), anything
// else is Unknown (the body is then left as it is).
TransferEncoding parseTransferEncoding(std::string_view value);
// The canonical lower-case token ("7bit", "quoted-printable", ...); Unknown gives "".
std::string_view transferEncodingName(TransferEncoding encoding);

struct Decoded {
    std::string bytes;
    bool clean = true;  // false when the input had characters or groups that had to be dropped
};

// RFC 2045 §6.8. Characters outside the alphabet (line breaks, spaces, junk)
// are skipped; decoding stops at padding; a truncated last group yields the
// whole octets it holds and is reported as not clean.
Decoded decodeBase64(std::string_view text);
// Lines of at most 76 characters, each ending in CRLF (none when data is empty).
std::string encodeBase64(std::string_view data);

// RFC 2045 §6.7. Soft line breaks ("=" at the end of a line) join lines;
// "=XY" with hex digits (either case) is the octet; a malformed "=" stays as
// it is and the result is reported as not clean; trailing whitespace on a
// line is dropped (rule 3). Line breaks come out as CRLF.
Decoded decodeQuotedPrintable(std::string_view text);
// Text mode: line breaks in the input (LF or CRLF) are kept as CRLF line
// breaks; every other octet outside printable ASCII, "=" and whitespace
// before a line break are escaped; lines are soft-broken to at most 76
// characters. The output is 7-bit.
std::string encodeQuotedPrintable(std::string_view text);

// The body of a part as octets: base64 and quoted-printable decoded, other
// encodings returned as they are.
Decoded decodeBody(TransferEncoding encoding, std::string_view body);

}  // namespace netstage::mime
