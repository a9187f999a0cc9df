#pragma once
// FETCH data items (RFC 3501 §6.4.5, §7.4.2): parsing the request and
// rendering one message's response items.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocols/imap/imap_syntax.hpp"
#include "protocols/mail/mail_store_types.hpp"

namespace netstage::imap {

struct FetchItem {
    // BodyShort is BODY without a section: the structure without extension data.
    enum class Kind { Flags, Uid, InternalDate, Rfc822Size, Envelope, BodyStructure, BodyShort, Body, Rfc822, Rfc822Header, Rfc822Text };
    Kind kind = Kind::Flags;
    bool peek = false;
    // For Body: the section as written, upper case ("", "HEADER", "2.1.MIME", "3.HEADER.FIELDS"),
    // split into the part number (empty for the message itself) and what is asked of it:
    // "", "HEADER", "HEADER.FIELDS", "HEADER.FIELDS.NOT", "TEXT" or "MIME".
    std::string section;
    std::vector<std::uint32_t> part;
    std::string sectionText;
    std::vector<std::string> fields;
    std::optional<std::uint32_t> partialOrigin;
    std::uint32_t partialLength = 0;

    // Whether fetching this item sets \Seen (RFC 3501 §6.4.5).
    bool setsSeen() const;
};

struct FetchParse {
    std::vector<FetchItem> items;
    std::string error;  // non-empty when the request is malformed
};

FetchParse parseFetchItems(Cursor& cursor);

// "FLAGS (\Seen)", "UID 4", "BODY[] {12}\r\n...": one item of a FETCH response.
std::string renderFetchItem(const FetchItem& item, const mail::Message& message);
std::string renderFlags(const mail::Flags& flags);
// A flag list "(\Seen foo)" or, unless `parenthesized` is required, bare flags "\Seen foo".
// \Recent and unknown system flags are rejected.
std::optional<mail::Flags> parseFlags(Cursor& cursor, bool parenthesized, std::string& error);

}  // namespace netstage::imap
