#include "protocols/imap/search.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "protocols/common/line_reader.hpp"
#include "protocols/imap/message_view.hpp"
#include "protocols/mail/encoded_word.hpp"
#include "protocols/mail/header_fields.hpp"
#include "protocols/mail/mime_part_tree.hpp"

namespace netstage::imap {

namespace {
using Kind = SearchKey::Kind;

struct Simple {
    std::string_view word;
    Kind kind;
};
constexpr std::array<Simple, 14> simpleKeys{{
    {"ALL", Kind::All}, {"SEEN", Kind::Seen}, {"UNSEEN", Kind::Unseen}, {"ANSWERED", Kind::Answered},
    {"UNANSWERED", Kind::Unanswered}, {"FLAGGED", Kind::Flagged}, {"UNFLAGGED", Kind::Unflagged},
    {"DELETED", Kind::Deleted}, {"UNDELETED", Kind::Undeleted}, {"DRAFT", Kind::Draft},
    {"UNDRAFT", Kind::Undraft}, {"NEW", Kind::New}, {"OLD", Kind::Old}, {"RECENT", Kind::Recent},
}};
constexpr std::array<Simple, 7> stringKeys{{
    {"FROM", Kind::From}, {"TO", Kind::To}, {"CC", Kind::Cc}, {"BCC", Kind::Bcc},
    {"SUBJECT", Kind::Subject}, {"BODY", Kind::Body}, {"TEXT", Kind::Text},
}};
constexpr std::array<Simple, 6> dateKeys{{
    {"SINCE", Kind::Since}, {"BEFORE", Kind::Before}, {"ON", Kind::On},
    {"SENTSINCE", Kind::SentSince}, {"SENTBEFORE", Kind::SentBefore}, {"SENTON", Kind::SentOn},
}};

struct Parser {
    Cursor& c;
    std::string error;
    int depth = 0;

    std::optional<SearchKey> fail(std::string why) {
        if (error.empty()) error = std::move(why);
        return std::nullopt;
    }

    std::optional<SearchKey> key() {
        if (++depth > 64) return fail("search criteria nested too deeply");
        auto k = keyInner();
        --depth;
        return k;
    }

    std::optional<SearchKey> keyInner() {
        SearchKey k;
        if (c.consume('(')) {
            k.kind = Kind::And;
            do {
                auto child = key();
                if (!child) return std::nullopt;
                k.children.push_back(std::move(*child));
            } while (c.space());
            if (!c.consume(')')) return fail("expected ')' in search criteria");
            return k;
        }
        if (c.peek() == '*' || (c.peek() >= '0' && c.peek() <= '9')) {
            auto set = SequenceSet::parse(c);
            if (!set) return fail("bad sequence set");
            k.kind = Kind::Sequence;
            k.set = std::move(*set);
            return k;
        }
        auto word = c.atom();
        if (!word) return fail("expected a search key");
        const std::string upper = proto::asciiUpper(*word);
        for (const auto& s : simpleKeys) {
            if (upper == s.word) {
                k.kind = s.kind;
                return k;
            }
        }
        for (const auto& s : stringKeys) {
            if (upper == s.word) {
                k.kind = s.kind;
                if (!c.space()) return fail(upper + " needs an argument");
                auto text = c.astring();
                if (!text) return fail(upper + " needs a string");
                k.text = std::move(*text);
                return k;
            }
        }
        for (const auto& s : dateKeys) {
            if (upper == s.word) {
                k.kind = s.kind;
                if (!c.space()) return fail(upper + " needs a date");
                auto text = c.astring();
                auto day = text ? parseDate(*text) : std::nullopt;
                if (!day) return fail(upper + " needs a date like 1-Feb-1994");
                k.number = *day;
                return k;
            }
        }
        if (upper == "NOT") {
            k.kind = Kind::Not;
            if (!c.space()) return fail("NOT needs a key");
            auto child = key();
            if (!child) return std::nullopt;
            k.children.push_back(std::move(*child));
            return k;
        }
        if (upper == "OR") {
            k.kind = Kind::Or;
            for (int i = 0; i < 2; ++i) {
                if (!c.space()) return fail("OR needs two keys");
                auto child = key();
                if (!child) return std::nullopt;
                k.children.push_back(std::move(*child));
            }
            return k;
        }
        if (upper == "UID") {
            k.kind = Kind::Uid;
            if (!c.space()) return fail("UID needs a set");
            auto set = SequenceSet::parse(c);
            if (!set) return fail("bad UID set");
            k.set = std::move(*set);
            return k;
        }
        if (upper == "KEYWORD" || upper == "UNKEYWORD") {
            k.kind = upper == "KEYWORD" ? Kind::Keyword : Kind::Unkeyword;
            if (!c.space()) return fail(upper + " needs a flag");
            auto flag = c.atom();
            if (!flag) return fail(upper + " needs a flag");
            k.text = std::move(*flag);
            return k;
        }
        if (upper == "LARGER" || upper == "SMALLER") {
            k.kind = upper == "LARGER" ? Kind::Larger : Kind::Smaller;
            auto n = c.space() ? c.number() : std::nullopt;
            if (!n) return fail(upper + " needs a number");
            k.number = *n;
            return k;
        }
        if (upper == "HEADER") {
            k.kind = Kind::Header;
            auto name = c.space() ? c.astring() : std::nullopt;
            auto value = name && c.space() ? c.astring() : std::nullopt;
            if (!value) return fail("HEADER needs a field name and a string");
            k.text = std::move(*name);
            k.text2 = std::move(*value);
            return k;
        }
        return fail("unknown search key " + upper);
    }
};

bool containsNoCase(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return proto::asciiUpper(a) == proto::asciiUpper(b); });
    return it != haystack.end();
}

bool inRanges(const std::vector<SequenceSet::Range>& ranges, std::uint32_t n) {
    return std::any_of(ranges.begin(), ranges.end(), [n](const auto& r) { return n >= r.first && n <= r.last; });
}

// The day of the message's Date: header, for SENTSINCE and friends: "Fri, 21 Nov 1997 09:55:06 -0600".
std::optional<std::int64_t> sentDay(const MessageView& view) {
    auto date = view.field("Date");
    if (!date) return std::nullopt;
    std::string_view d = *date;
    if (auto comma = d.find(','); comma != std::string_view::npos) d = d.substr(comma + 1);
    d = proto::trimSpaces(d);
    std::string compact;
    int spaces = 0;
    for (char ch : d) {
        if (ch == ' ') {
            if (++spaces == 3) break;
            compact.push_back('-');
        } else {
            compact.push_back(ch);
        }
    }
    return parseDate(compact);
}
// Header fields as a reader sees them: unfolded, encoded-words decoded (RFC 3501 §6.4.4).
std::string readableHeader(std::string_view header) {
    std::string out;
    for (const mime::FieldView& field : mime::splitFields(header)) {
        out += mime::decodeHeaderText(field.raw);
        out += '\n';
    }
    return out;
}

std::string lowerCase(std::string text) {
    for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return text;
}

// The body as a reader sees it: the text parts with their transfer encoding
// undone, in UTF-8 where the charset is known, and the header of every
// message a message/rfc822 part holds. Attachments that are not text are
// left out, as a reader does not see their octets as text.
void appendReadableBody(const mime::MimePart& part, std::string& out) {
    if (part.contentType.isMessageRfc822() && !part.children.empty()) {
        const mime::MimePart& inner = part.children.front();
        out += readableHeader(inner.header);
        appendReadableBody(inner, out);
        return;
    }
    if (!part.children.empty()) {
        for (const mime::MimePart& child : part.children) appendReadableBody(child, out);
        return;
    }
    if (part.contentType.type != "text" && !part.opaque && !part.contentType.isMultipart() &&
        !part.contentType.isMessageRfc822()) {
        return;
    }
    const std::string charset = lowerCase(part.contentType.parameter("charset").value_or(""));
    out += mime::charsetToUtf8(charset, part.decodedBody().bytes);
    out += '\n';
}

std::string readableBody(const mime::MimePart& root) {
    std::string out;
    appendReadableBody(root, out);
    return out;
}
}  // namespace

SearchParse parseSearch(Cursor& cursor) {
    SearchParse out;
    Parser p{cursor, {}};
    if (cursor.consumeWord("CHARSET")) {
        auto charset = cursor.space() ? cursor.astring() : std::nullopt;
        if (!charset || !cursor.space()) {
            out.error = "CHARSET needs a name";
            return out;
        }
        if (!proto::iequals(*charset, "US-ASCII") && !proto::iequals(*charset, "UTF-8")) {
            out.badCharset = true;
            return out;
        }
    }
    SearchKey all;
    all.kind = Kind::And;
    do {
        auto k = p.key();
        if (!k) {
            out.error = p.error;
            return out;
        }
        all.children.push_back(std::move(*k));
    } while (cursor.space());
    if (!cursor.atEnd()) {
        out.error = "unexpected text after search criteria";
        return out;
    }
    out.key = std::move(all);
    return out;
}

void prepare(SearchKey& key, std::uint32_t largestSequence, std::uint32_t largestUid) {
    if (key.kind == Kind::Sequence) key.resolved = key.set.resolved(largestSequence);
    if (key.kind == Kind::Uid) key.resolved = key.set.resolved(largestUid);
    for (auto& child : key.children) prepare(child, largestSequence, largestUid);
}

bool matches(const SearchKey& key, const mail::Message& m, std::uint32_t sequence) {
    using mail::SystemFlag;
    const auto& f = m.flags;
    switch (key.kind) {
        case Kind::All: return true;
        case Kind::And:
            return std::all_of(key.children.begin(), key.children.end(),
                               [&](const SearchKey& k) { return matches(k, m, sequence); });
        case Kind::Or: return matches(key.children[0], m, sequence) || matches(key.children[1], m, sequence);
        case Kind::Not: return !matches(key.children[0], m, sequence);
        case Kind::Sequence: return inRanges(key.resolved, sequence);
        case Kind::Uid: return inRanges(key.resolved, m.uid);
        case Kind::Seen: return f.has(SystemFlag::Seen);
        case Kind::Unseen: return !f.has(SystemFlag::Seen);
        case Kind::Answered: return f.has(SystemFlag::Answered);
        case Kind::Unanswered: return !f.has(SystemFlag::Answered);
        case Kind::Flagged: return f.has(SystemFlag::Flagged);
        case Kind::Unflagged: return !f.has(SystemFlag::Flagged);
        case Kind::Deleted: return f.has(SystemFlag::Deleted);
        case Kind::Undeleted: return !f.has(SystemFlag::Deleted);
        case Kind::Draft: return f.has(SystemFlag::Draft);
        case Kind::Undraft: return !f.has(SystemFlag::Draft);
        // \Recent is not kept (see docs/imap.md): nothing is recent, so NEW matches nothing and OLD everything.
        case Kind::New: return false;
        case Kind::Old: return true;
        case Kind::Recent: return false;
        case Kind::Keyword: return f.hasKeyword(key.text);
        case Kind::Unkeyword: return !f.hasKeyword(key.text);
        case Kind::Larger: return static_cast<std::int64_t>(m.size()) > key.number;
        case Kind::Smaller: return static_cast<std::int64_t>(m.size()) < key.number;
        case Kind::Since: return dayOf(m.internalDate) >= key.number;
        case Kind::Before: return dayOf(m.internalDate) < key.number;
        case Kind::On: return dayOf(m.internalDate) == key.number;
        default: break;
    }
    // The remaining keys read the message text.
    const MessageView view{m.content ? std::string_view{*m.content} : std::string_view{}};
    auto fieldHas = [&](std::string_view name, std::string_view text) {
        auto value = view.field(name);
        return value && containsNoCase(mime::decodeHeaderText(*value), text);
    };
    switch (key.kind) {
        case Kind::From: return fieldHas("From", key.text);
        case Kind::To: return fieldHas("To", key.text);
        case Kind::Cc: return fieldHas("Cc", key.text);
        case Kind::Bcc: return fieldHas("Bcc", key.text);
        case Kind::Subject: return fieldHas("Subject", key.text);
        case Kind::Header: return fieldHas(key.text, key.text2);
        case Kind::Body: return containsNoCase(readableBody(mime::parseMimeMessage(view.raw())), key.text);
        case Kind::Text: {
            const mime::MimePart root = mime::parseMimeMessage(view.raw());
            return containsNoCase(readableHeader(root.header), key.text) ||
                   containsNoCase(readableBody(root), key.text);
        }
        case Kind::SentSince: { auto d = sentDay(view); return d && *d >= key.number; }
        case Kind::SentBefore: { auto d = sentDay(view); return d && *d < key.number; }
        case Kind::SentOn: { auto d = sentDay(view); return d && *d == key.number; }
        default: return false;
    }
}

}  // namespace netstage::imap
