#include "protocols/imap/fetch.hpp"

#include "protocols/common/line_reader.hpp"
#include "protocols/imap/body_structure.hpp"
#include "protocols/imap/message_view.hpp"
#include "protocols/mail/mime_part_tree.hpp"

namespace netstage::imap {

bool FetchItem::setsSeen() const {
    return (kind == Kind::Body && !peek) || kind == Kind::Rfc822 || kind == Kind::Rfc822Text;
}

namespace {
using Kind = FetchItem::Kind;

FetchItem simple(Kind kind) {
    FetchItem item;
    item.kind = kind;
    return item;
}

// section-spec (RFC 3501 §9): an optional part number "1.2.3" (non-zero
// numbers), then HEADER, HEADER.FIELDS[.NOT], TEXT, or MIME after a part number.
bool splitSection(FetchItem& item) {
    std::string_view rest = item.section;
    while (!rest.empty() && rest.front() >= '1' && rest.front() <= '9') {
        std::size_t digits = 0;
        std::uint64_t n = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
            n = n * 10 + static_cast<std::uint64_t>(rest[digits] - '0');
            if (n > 0xFFFFFFFFu) return false;
            ++digits;
        }
        item.part.push_back(static_cast<std::uint32_t>(n));
        rest.remove_prefix(digits);
        if (rest.empty()) break;
        if (rest.front() != '.') return false;
        rest.remove_prefix(1);
        if (rest.empty()) return false;
    }
    item.sectionText = std::string{rest};
    const std::string& t = item.sectionText;
    if (t == "MIME") return !item.part.empty();
    return t.empty() || t == "HEADER" || t == "TEXT" || t == "HEADER.FIELDS" || t == "HEADER.FIELDS.NOT";
}

// Parses "[section]<partial>" after BODY or BODY.PEEK.
bool parseSection(Cursor& c, FetchItem& item, std::string& error) {
    if (!c.consume('[')) return true;  // plain BODY: the structure
    item.kind = Kind::Body;
    if (auto word = c.atom(".")) {
        item.section = proto::asciiUpper(*word);
    }
    if (!splitSection(item)) {
        error = "unsupported section " + item.section;
        return false;
    }
    const std::string& s = item.sectionText;
    if (s == "HEADER.FIELDS" || s == "HEADER.FIELDS.NOT") {
        if (!c.space() || !c.consume('(')) {
            error = "HEADER.FIELDS needs a list of field names";
            return false;
        }
        do {
            auto name = c.astring();
            if (!name) {
                error = "bad header field name";
                return false;
            }
            item.fields.push_back(std::move(*name));
        } while (c.space());
        if (!c.consume(')')) {
            error = "expected ')' after header field names";
            return false;
        }
    }
    if (!c.consume(']')) {
        error = "expected ']' after section";
        return false;
    }
    if (c.consume('<')) {
        auto origin = c.number();
        auto length = origin && c.consume('.') ? c.number() : std::nullopt;
        if (!length || *length == 0 || !c.consume('>')) {
            error = "bad partial <origin.length>";
            return false;
        }
        item.partialOrigin = *origin;
        item.partialLength = *length;
    }
    return true;
}

bool parseItem(Cursor& c, std::vector<FetchItem>& items, std::string& error) {
    auto word = c.attributeName();
    if (!word) {
        error = "expected a fetch item";
        return false;
    }
    const std::string u = proto::asciiUpper(*word);
    if (u == "FLAGS") items.push_back(simple(Kind::Flags));
    else if (u == "UID") items.push_back(simple(Kind::Uid));
    else if (u == "INTERNALDATE") items.push_back(simple(Kind::InternalDate));
    else if (u == "RFC822.SIZE") items.push_back(simple(Kind::Rfc822Size));
    else if (u == "ENVELOPE") items.push_back(simple(Kind::Envelope));
    else if (u == "BODYSTRUCTURE") items.push_back(simple(Kind::BodyStructure));
    else if (u == "RFC822") items.push_back(simple(Kind::Rfc822));
    else if (u == "RFC822.HEADER") items.push_back(simple(Kind::Rfc822Header));
    else if (u == "RFC822.TEXT") items.push_back(simple(Kind::Rfc822Text));
    else if (u == "BODY" || u == "BODY.PEEK") {
        FetchItem item = simple(Kind::BodyShort);
        item.peek = u == "BODY.PEEK";
        if (!parseSection(c, item, error)) return false;
        if (item.peek && item.kind != Kind::Body) {
            error = "BODY.PEEK needs a section";
            return false;
        }
        items.push_back(std::move(item));
    } else if (u == "ALL" || u == "FAST" || u == "FULL") {
        items.push_back(simple(Kind::Flags));
        items.push_back(simple(Kind::InternalDate));
        items.push_back(simple(Kind::Rfc822Size));
        if (u != "FAST") items.push_back(simple(Kind::Envelope));
        if (u == "FULL") items.push_back(simple(Kind::BodyStructure));
    } else {
        error = "unknown fetch item " + u;
        return false;
    }
    return true;
}

// What a section names inside one message (the top-level one, or one a
// message/rfc822 part holds).
std::string messageSection(const FetchItem& item, const MessageView& view) {
    const std::string& s = item.sectionText;
    if (s.empty()) return std::string{view.raw()};
    if (s == "HEADER") return std::string{view.header()};
    if (s == "TEXT") return std::string{view.text()};
    if (s == "HEADER.FIELDS") return view.headerFields(item.fields, false);
    return view.headerFields(item.fields, true);  // HEADER.FIELDS.NOT
}

// The section's octets, or nullopt when the message has no such part (NIL).
std::optional<std::string> sectionContent(const FetchItem& item, std::string_view raw) {
    if (item.part.empty()) return messageSection(item, MessageView{raw});
    const mime::MimePart root = mime::parseMimeMessage(raw);
    const mime::MimePart* part = mime::partAt(root, item.part);
    if (!part) return std::nullopt;
    const std::string& s = item.sectionText;
    if (s.empty()) return std::string{part->body};
    if (s == "MIME") return std::string{part->header};
    // HEADER, TEXT and HEADER.FIELDS after a part number need a message/rfc822 part (§6.4.5).
    if (!part->contentType.isMessageRfc822() || part->children.empty()) return std::nullopt;
    const mime::MimePart& inner = part->children.front();
    return messageSection(item, MessageView{std::string_view{inner.header.data(), inner.header.size() + inner.body.size()}});
}

std::string sectionName(const FetchItem& item) {
    std::string out = "BODY[" + item.section;
    if (!item.fields.empty()) {
        out += " (";
        for (std::size_t i = 0; i < item.fields.size(); ++i) {
            if (i) out += ' ';
            out += astringOf(item.fields[i]);
        }
        out += ')';
    }
    out += ']';
    if (item.partialOrigin) out += "<" + std::to_string(*item.partialOrigin) + ">";
    return out;
}
}  // namespace

FetchParse parseFetchItems(Cursor& c) {
    FetchParse out;
    if (c.consume('(')) {
        do {
            if (!parseItem(c, out.items, out.error)) return out;
        } while (c.space());
        if (!c.consume(')')) out.error = "expected ')' after fetch items";
    } else if (!parseItem(c, out.items, out.error)) {
        return out;
    }
    if (out.error.empty() && !c.atEnd()) out.error = "unexpected text after fetch items";
    return out;
}

// A flag list "(\Seen foo)" or bare flags "\Seen foo", as STORE and APPEND take them.
std::optional<mail::Flags> parseFlags(Cursor& c, bool parenthesized, std::string& error) {
    using mail::SystemFlag;
    mail::Flags flags;
    if (parenthesized && !c.consume('(')) {
        error = "expected a flag list";
        return std::nullopt;
    }
    const bool inParens = parenthesized || c.consume('(');
    if (inParens && c.consume(')')) return flags;
    do {
        if (c.consume('\\')) {
            auto name = c.atom();
            const std::string u = name ? proto::asciiUpper(*name) : std::string{};
            if (u == "SEEN") flags.set(SystemFlag::Seen, true);
            else if (u == "ANSWERED") flags.set(SystemFlag::Answered, true);
            else if (u == "FLAGGED") flags.set(SystemFlag::Flagged, true);
            else if (u == "DELETED") flags.set(SystemFlag::Deleted, true);
            else if (u == "DRAFT") flags.set(SystemFlag::Draft, true);
            else {
                error = "unknown or read-only flag \\" + (name ? *name : std::string{});
                return std::nullopt;
            }
        } else if (auto keyword = c.atom()) {
            flags.addKeyword(*keyword);
        } else {
            error = "expected a flag";
            return std::nullopt;
        }
    } while (c.space());
    if (inParens && !c.consume(')')) {
        error = "expected ')' after flags";
        return std::nullopt;
    }
    return flags;
}

std::string renderFlags(const mail::Flags& flags) {
    using mail::SystemFlag;
    std::string out = "(";
    auto add = [&](std::string_view word) {
        if (out.size() > 1) out += ' ';
        out += word;
    };
    if (flags.has(SystemFlag::Seen)) add("\\Seen");
    if (flags.has(SystemFlag::Answered)) add("\\Answered");
    if (flags.has(SystemFlag::Flagged)) add("\\Flagged");
    if (flags.has(SystemFlag::Deleted)) add("\\Deleted");
    if (flags.has(SystemFlag::Draft)) add("\\Draft");
    for (const auto& k : flags.keywords) add(k);
    return out + ")";
}

std::string renderFetchItem(const FetchItem& item, const mail::Message& m) {
    const std::string_view raw = m.content ? std::string_view{*m.content} : std::string_view{};
    switch (item.kind) {
        case Kind::Flags: return "FLAGS " + renderFlags(m.flags);
        case Kind::Uid: return "UID " + std::to_string(m.uid);
        case Kind::InternalDate: return "INTERNALDATE \"" + formatDateTime(m.internalDate) + "\"";
        case Kind::Rfc822Size: return "RFC822.SIZE " + std::to_string(m.size());
        case Kind::Envelope: return "ENVELOPE " + MessageView{raw}.envelope();
        case Kind::BodyStructure: return "BODYSTRUCTURE " + bodyStructure(raw, true);
        case Kind::BodyShort: return "BODY " + bodyStructure(raw, false);
        case Kind::Rfc822: return "RFC822 " + literalOf(raw);
        case Kind::Rfc822Header: return "RFC822.HEADER " + literalOf(MessageView{raw}.header());
        case Kind::Rfc822Text: return "RFC822.TEXT " + literalOf(MessageView{raw}.text());
        case Kind::Body: {
            auto content = sectionContent(item, raw);
            if (!content) return sectionName(item) + " NIL";
            std::string text = std::move(*content);
            if (item.partialOrigin) {
                text = *item.partialOrigin >= text.size() ? std::string{}
                                                           : text.substr(*item.partialOrigin, item.partialLength);
            }
            // Always a literal, even when short: curl only reads message data from a literal.
            return sectionName(item) + " " + literalOf(text);
        }
    }
    return {};
}

}  // namespace netstage::imap
