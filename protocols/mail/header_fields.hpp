#pragma once
// Header fields as views into message text, without copies: what the MIME
// part tree and IMAP need to find a field and to know where a header ends.
// (message.hpp's parseMessage is the strict RFC 5322 reader that copies;
// this one never fails.)

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::mime {

struct FieldView {
    std::string_view name;  // as written, trimmed
    std::string_view raw;   // the whole field: folded lines and the final line ending included
};

enum class HeaderRule {
    // An RFC 5322 message: the header runs to the first empty line, or to the
    // end when there is none (a message may be all header).
    Message,
    // A MIME body part (RFC 2046 §5.1.1): as above, but a line that is
    // neither a field nor a continuation also ends the header and starts the
    // body, as mail readers do with a part that lacks its empty line.
    BodyPart,
};

// Where the body starts: just after the empty line, or where the rule above ends the header.
std::size_t headerLength(std::string_view text, HeaderRule rule);

// The fields of a header (as returned by splitting at headerLength).
std::vector<FieldView> splitFields(std::string_view header);

// The field's value: after the colon, line breaks removed, tabs as spaces, trimmed.
std::string unfoldedValue(const FieldView& field);

// The first field named `name` (case-insensitive), unfolded; nullopt when absent.
std::optional<std::string> findField(std::string_view header, std::string_view name);

bool equalsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace netstage::mime
