#include "protocols/mail/mime_part_tree.hpp"

#include <algorithm>

#include "protocols/mail/encoded_word.hpp"
#include "protocols/mail/header_fields.hpp"

namespace netstage::mime {

namespace {

struct Delimiter {
    std::size_t start = 0;  // where "--boundary" begins
    std::size_t next = 0;   // where the line after it begins
    bool close = false;     // "--boundary--"
};

// The next delimiter line at or after `from` (RFC 2046 §5.1.1): "--" and
// the boundary at the start of a line, then only whitespace up to the line
// end, or "--" for the close delimiter.
std::optional<Delimiter> nextDelimiter(std::string_view body, std::string_view dashBoundary, std::size_t from) {
    std::size_t pos = from;
    while ((pos = body.find(dashBoundary, pos)) != std::string_view::npos) {
        if (pos == 0 || body[pos - 1] == '\n') {
            std::size_t i = pos + dashBoundary.size();
            Delimiter d{pos, 0, false};
            if (body.compare(i, 2, "--") == 0) {
                d.close = true;
                i += 2;
            }
            while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
            if (i < body.size() && body[i] == '\r') ++i;
            if (i >= body.size() || body[i] == '\n' || d.close) {
                // A close delimiter may be followed by anything on its line; the epilogue is ignored.
                if (d.close) {
                    const std::size_t lf = body.find('\n', pos);
                    d.next = lf == std::string_view::npos ? body.size() : lf + 1;
                } else {
                    d.next = i >= body.size() ? body.size() : i + 1;
                }
                return d;
            }
        }
        pos += dashBoundary.size();
    }
    return std::nullopt;
}

// The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
std::size_t contentEndBefore(std::string_view body, std::size_t delimiterStart, std::size_t contentStart) {
    std::size_t end = delimiterStart;
    if (end > contentStart && body[end - 1] == '\n') --end;
    if (end > contentStart && body[end - 1] == '\r') --end;
    return std::max(end, contentStart);
}

class TreeParser {
public:
    TreeParser(std::string_view source, const MimeLimits& limits) : source_{source}, limits_{limits} {}

    MimePart parse(std::string_view text, HeaderRule rule, std::size_t depth, const ContentType& fallback) {
        ++parts_;
        MimePart part;
        part.offset = static_cast<std::size_t>(text.data() - source_.data());
        const std::size_t split = headerLength(text, rule);
        part.header = text.substr(0, split);
        part.body = text.substr(split);
        if (auto type = part.field("Content-Type")) {
            part.contentType = parseContentType(*type, fallback);
        } else {
            part.contentType = fallback;
        }
        if (auto cte = part.field("Content-Transfer-Encoding")) {
            part.encoding = parseTransferEncoding(*cte);
            std::string name;
            for (const char c : *cte) name.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
            part.encodingName = name;
        }

        if (part.contentType.isMultipart()) {
            if (depth >= limits_.maxDepth) return opaque(std::move(part), MimeProblem::TooDeep);
            splitMultipart(part, depth);
        } else if (part.contentType.isMessageRfc822() && isIdentity(part.encoding)) {
            if (depth >= limits_.maxDepth) return opaque(std::move(part), MimeProblem::TooDeep);
            if (parts_ >= limits_.maxParts) return opaque(std::move(part), MimeProblem::TooManyParts);
            part.children.push_back(parse(part.body, HeaderRule::Message, depth + 1, defaultContentType()));
        }
        return part;
    }

private:
    static bool isIdentity(TransferEncoding e) {
        return e == TransferEncoding::SevenBit || e == TransferEncoding::EightBit || e == TransferEncoding::Binary;
    }

    static MimePart opaque(MimePart part, MimeProblem problem) {
        part.opaque = true;
        part.problem = problem;
        part.children.clear();
        return part;
    }

    void splitMultipart(MimePart& part, std::size_t depth) {
        const auto boundary = part.contentType.parameter("boundary");
        if (!boundary || boundary->empty()) {
            part = opaque(std::move(part), MimeProblem::MissingBoundary);
            return;
        }
        const std::string dashBoundary = "--" + *boundary;
        const std::string_view body = part.body;
        auto delimiter = nextDelimiter(body, dashBoundary, 0);
        if (!delimiter || delimiter->close) {
            part = opaque(std::move(part), MimeProblem::NoDelimiter);
            return;
        }
        // RFC 2046 §5.1.5: in a digest the default type is message/rfc822.
        ContentType fallback = defaultContentType();
        if (part.contentType.subtype == "digest") fallback = parseContentType("message/rfc822");
        while (true) {
            const std::size_t start = delimiter->next;
            auto following = nextDelimiter(body, dashBoundary, start);
            if (parts_ >= limits_.maxParts) {
                // The rest of this multipart, to its close delimiter or its end, as one raw part.
                std::size_t end = body.size();
                auto close = following;
                while (close && !close->close) close = nextDelimiter(body, dashBoundary, close->next);
                if (close) end = contentEndBefore(body, close->start, start);
                MimePart rest;
                rest.offset = static_cast<std::size_t>(body.data() - source_.data()) + start;
                rest.body = body.substr(start, end - start);
                rest.header = body.substr(start, 0);
                rest.contentType = defaultContentType();
                part.children.push_back(opaque(std::move(rest), MimeProblem::TooManyParts));
                return;
            }
            const std::size_t end = following ? contentEndBefore(body, following->start, start) : body.size();
            part.children.push_back(parse(body.substr(start, end - start), HeaderRule::BodyPart, depth + 1, fallback));
            if (!following) {
                part.problem = MimeProblem::UnclosedMultipart;
                return;
            }
            if (following->close) return;
            delimiter = following;
        }
    }

    std::string_view source_;
    MimeLimits limits_;
    std::size_t parts_ = 0;
};

}  // namespace

std::optional<std::string> MimePart::field(std::string_view name) const { return findField(header, name); }

std::optional<ContentDisposition> MimePart::disposition() const {
    if (auto value = field("Content-Disposition")) return parseContentDisposition(*value);
    return std::nullopt;
}

std::optional<std::string> MimePart::fileName() const {
    const Parameter* found = nullptr;
    std::optional<ContentDisposition> disp = disposition();
    if (disp) {
        for (const Parameter& p : disp->parameters) {
            if (p.name == "filename") found = &p;
        }
    }
    if (!found) {
        for (const Parameter& p : contentType.parameters) {
            if (p.name == "name") found = &p;
        }
    }
    if (!found) return std::nullopt;
    if (!found->charset.empty()) {
        return charsetToUtf8(found->charset, found->value);
    }
    return decodeHeaderText(found->value);
}

Decoded MimePart::decodedBody() const { return decodeBody(encoding, body); }

std::size_t MimePart::lineCount() const { return static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n')); }

MimePart parseMimeMessage(std::string_view message, const MimeLimits& limits) {
    TreeParser parser{message, limits};
    return parser.parse(message, HeaderRule::Message, 0, defaultContentType());
}

const MimePart* partAt(const MimePart& root, const std::vector<std::uint32_t>& path) {
    const MimePart* current = &root;
    bool message = true;  // `current` is a message (the root or one a message/rfc822 part holds)
    for (std::size_t i = 0; i < path.size(); ++i) {
        const std::uint32_t n = path[i];
        if (i > 0 && current->contentType.isMessageRfc822() && !current->children.empty()) {
            current = &current->children.front();
            message = true;
        }
        if (current->contentType.isMultipart() && !current->children.empty()) {
            if (n == 0 || n > current->children.size()) return nullptr;
            current = &current->children[n - 1];
        } else if (!(message && n == 1)) {
            return nullptr;
        }
        message = false;
    }
    return current;
}

std::vector<const MimePart*> flatten(const MimePart& root) {
    std::vector<const MimePart*> out;
    std::vector<const MimePart*> stack{&root};
    while (!stack.empty()) {
        const MimePart* part = stack.back();
        stack.pop_back();
        out.push_back(part);
        for (auto it = part->children.rbegin(); it != part->children.rend(); ++it) stack.push_back(&*it);
    }
    return out;
}

}  // namespace netstage::mime
