#include "protocols/imap/message_view.hpp"

#include <algorithm>

#include "protocols/common/line_reader.hpp"
#include "protocols/imap/imap_syntax.hpp"

namespace netstage::imap {

MessageView::MessageView(std::string_view raw) : raw_{raw}, headerEnd_{raw.size()} {
    std::size_t pos = 0;
    while (pos < raw_.size()) {
        std::size_t lf = raw_.find('\n', pos);
        const std::size_t next = lf == std::string_view::npos ? raw_.size() : lf + 1;
        std::string_view line = raw_.substr(pos, next - pos);
        std::string_view content = line;
        while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.remove_suffix(1);
        if (content.empty()) {
            headerEnd_ = next;
            return;
        }
        if ((line.front() == ' ' || line.front() == '\t') && !fields_.empty()) {
            auto& last = fields_.back();
            last.raw = raw_.substr(static_cast<std::size_t>(last.raw.data() - raw_.data()),
                                   next - static_cast<std::size_t>(last.raw.data() - raw_.data()));
        } else {
            const auto colon = content.find(':');
            std::string_view name = colon == std::string_view::npos ? content : content.substr(0, colon);
            fields_.push_back({proto::trimSpaces(name), line});
        }
        pos = next;
    }
}

std::optional<std::string> MessageView::field(std::string_view name) const {
    for (const auto& f : fields_) {
        if (!proto::iequals(f.name, name)) continue;
        std::string_view value = f.raw;
        const auto colon = value.find(':');
        value = colon == std::string_view::npos ? std::string_view{} : value.substr(colon + 1);
        std::string out;
        for (char c : value) {
            if (c == '\r' || c == '\n') continue;
            out.push_back(c == '\t' ? ' ' : c);
        }
        return std::string{proto::trimSpaces(out)};
    }
    return std::nullopt;
}

std::string MessageView::headerFields(const std::vector<std::string>& names, bool exclude) const {
    std::string out;
    for (const auto& f : fields_) {
        const bool listed = std::any_of(names.begin(), names.end(),
                                        [&](const std::string& n) { return proto::iequals(n, f.name); });
        if (listed != exclude) {
            out += f.raw;
            if (out.back() != '\n') out += "\r\n";
        }
    }
    out += "\r\n";
    return out;
}

namespace {
// Splits at commas that are outside quotes, comments and angle brackets.
std::vector<std::string_view> splitAddresses(std::string_view text) {
    std::vector<std::string_view> out;
    int depth = 0;
    bool quoted = false, angle = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '\\') ++i;
            else if (c == '"') quoted = false;
        } else if (c == '"') quoted = true;
        else if (c == '(') ++depth;
        else if (c == ')' && depth > 0) --depth;
        else if (c == '<') angle = true;
        else if (c == '>') angle = false;
        else if ((c == ',' || c == ';') && depth == 0 && !angle) {
            out.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(text.substr(start));
    return out;
}

std::string unquote(std::string_view text) {
    text = proto::trimSpaces(text);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        std::string out;
        for (std::size_t i = 1; i + 1 < text.size(); ++i) {
            if (text[i] == '\\' && i + 2 < text.size()) ++i;
            out.push_back(text[i]);
        }
        return out;
    }
    return std::string{text};
}

void splitMailbox(std::string_view spec, Address& out) {
    spec = proto::trimSpaces(spec);
    const auto at = spec.rfind('@');
    if (at == std::string_view::npos) {
        out.mailbox = std::string{spec};
        return;
    }
    out.mailbox = unquote(spec.substr(0, at));
    out.host = std::string{proto::trimSpaces(spec.substr(at + 1))};
}
}  // namespace

std::vector<Address> parseAddressList(std::string_view text) {
    std::vector<Address> out;
    for (std::string_view part : splitAddresses(text)) {
        // A group "name: a, b;" lists its members; the display name of the group is dropped.
        const auto colon = part.find(':');
        if (colon != std::string_view::npos && part.find('<') > colon && part.find('"') > colon) {
            part = part.substr(colon + 1);
        }
        part = proto::trimSpaces(part);
        if (part.empty()) continue;
        Address a;
        const auto open = part.find('<');
        const auto close = part.rfind('>');
        if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
            std::string name = unquote(part.substr(0, open));
            if (!name.empty()) a.name = std::move(name);
            splitMailbox(part.substr(open + 1, close - open - 1), a);
        } else {
            // "bob@example.org (Bob)": drop the comment.
            const auto paren = part.find('(');
            splitMailbox(part.substr(0, paren), a);
        }
        if (!a.mailbox.empty()) out.push_back(std::move(a));
    }
    return out;
}

namespace {
std::string addressesOf(const std::optional<std::string>& value) {
    if (!value) return "NIL";
    auto list = parseAddressList(*value);
    if (list.empty()) return "NIL";
    std::string out = "(";
    for (const auto& a : list) {
        out += "(" + nstringOf(a.name) + " NIL " + stringOf(a.mailbox) + " " +
               (a.host.empty() ? std::string{"NIL"} : stringOf(a.host)) + ")";
    }
    return out + ")";
}
}  // namespace

std::string MessageView::envelope() const {
    const auto from = field("From");
    auto sender = field("Sender");
    auto replyTo = field("Reply-To");
    // RFC 3501 §7.4.2: sender and reply-to default to from.
    if (!sender) sender = from;
    if (!replyTo) replyTo = from;
    return "(" + nstringOf(field("Date")) + " " + nstringOf(field("Subject")) + " " + addressesOf(from) + " " +
           addressesOf(sender) + " " + addressesOf(replyTo) + " " + addressesOf(field("To")) + " " +
           addressesOf(field("Cc")) + " " + addressesOf(field("Bcc")) + " " + nstringOf(field("In-Reply-To")) +
           " " + nstringOf(field("Message-ID")) + ")";
}

}  // namespace netstage::imap
