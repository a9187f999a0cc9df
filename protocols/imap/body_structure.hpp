#pragma once
// BODY and BODYSTRUCTURE (RFC 3501 §7.4.2) from a message's MIME part tree.
// A message without MIME header fields (no MIME-Version, no Content-Type)
// is described exactly as an RFC 822 message always was here: one US-ASCII
// text/plain part, without extension data.

#include <string>
#include <string_view>

#include "protocols/mail/mime_part_tree.hpp"

namespace netstage::imap {

// `extensions`: BODYSTRUCTURE's extension data (MD5, disposition, language,
// location; parameters for multiparts) after the basic fields.
std::string bodyStructure(std::string_view rawMessage, bool extensions);
std::string bodyStructureOf(const mime::MimePart& message, bool extensions);

}  // namespace netstage::imap
