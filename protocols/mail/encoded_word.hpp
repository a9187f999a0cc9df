#pragma once
// RFC 2047 encoded-words: how non-ASCII text travels in 7-bit header fields
// ("=?utf-8?Q?Gr=C3=BC=C3=9Fe?="). Decoding is for display and search;
// encoding is for composing.

#include <cstddef>
#include <string>
#include <string_view>

namespace netstage::mime {

// The field value with every well-formed encoded-word decoded to UTF-8
// (utf-8 and us-ascii are taken as they are; iso-8859-1, latin1 and
// windows-1252 are converted; other charsets keep their decoded octets).
// Whitespace between two adjacent encoded-words is dropped (§6.2); a
// malformed encoded-word stays as it is written; folding line breaks are
// removed. Never fails.
std::string decodeHeaderText(std::string_view value);

// Octets in a charset (lower-case name) as UTF-8, by the same rules.
std::string charsetToUtf8(std::string_view charset, std::string bytes);

// ASCII text is returned unchanged. Otherwise the text (UTF-8) becomes Q
// encoded-words of at most 75 characters (§2), never splitting a UTF-8
// sequence, separated by a folding "\r\n " so no header line grows past
// 78 characters; `used` is how much of the first line the field name and
// colon already take. `phrase` restricts the literal characters to those §5(3)
// allows in an address's display name.
std::string encodeHeaderText(std::string_view text, bool phrase = false, std::size_t used = 0);

}  // namespace netstage::mime
