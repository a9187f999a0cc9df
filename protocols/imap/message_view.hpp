#pragma once
// A small RFC 5322 reader for what IMAP needs of a stored message: where the
// header ends, header fields by name (unfolded) and the ENVELOPE (the MIME
// structure is body_structure.hpp's). It never fails: a message without a blank line
// is all header, a malformed address is kept as a bare mailbox.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::imap {

class MessageView {
public:
    explicit MessageView(std::string_view raw);

    std::string_view header() const { return raw_.substr(0, headerEnd_); }  // includes the blank line
    std::string_view text() const { return raw_.substr(headerEnd_); }
    std::string_view raw() const { return raw_; }

    // First field with this name, unfolded and trimmed.
    std::optional<std::string> field(std::string_view name) const;
    // The header restricted to (or without) these fields, followed by the blank line.
    std::string headerFields(const std::vector<std::string>& names, bool exclude) const;

    std::string envelope() const;

private:
    struct Field {
        std::string_view name;
        std::string_view raw;  // the whole field including folded lines and the line ending
    };
    std::string_view raw_;
    std::size_t headerEnd_ = 0;
    std::vector<Field> fields_;
};

struct Address {
    std::optional<std::string> name;
    std::string mailbox;
    std::string host;
};
std::vector<Address> parseAddressList(std::string_view text);

}  // namespace netstage::imap
