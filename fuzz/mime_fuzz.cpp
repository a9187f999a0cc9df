// The MIME library. Oracle: parsing any input gives a tree whose parts are
// views inside the input (each header directly followed by its body), no
// deeper and no larger than the documented limits; every part's body
// decodes without a crash; and the encoders round-trip: decode(encode(x))
// is x for base64, for quoted-printable (line breaks as CRLF), for
// encoded-words and for RFC 2231 parameters, with the encoded forms 7-bit.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_input.hpp"
#include "protocols/mail/content_type.hpp"
#include "protocols/mail/encoded_word.hpp"
#include "protocols/mail/mime_part_tree.hpp"
#include "protocols/mail/transfer_encoding.hpp"

namespace {

using namespace netstage;

bool sevenBit(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) > 127) return false;
    }
    return true;
}

// Line breaks in text travel as CRLF; a bare CR is an octet like any other.
std::string crlfLines(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
        out.push_back(text[i]);
    }
    return out;
}

bool inside(std::string_view outer, std::string_view view) {
    return view.data() >= outer.data() && view.data() + view.size() <= outer.data() + outer.size();
}

std::size_t depthOf(const mime::MimePart& part) {
    std::size_t deepest = 0;
    for (const auto& child : part.children) deepest = std::max(deepest, depthOf(child) + 1);
    return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};

    const mime::MimeLimits limits{8, 64};
    const mime::MimePart root = mime::parseMimeMessage(text, limits);
    const auto parts = mime::flatten(root);
    fuzz::require(parts.size() <= limits.maxParts + limits.maxDepth, "the part tree grew past its limit");
    fuzz::require(depthOf(root) <= limits.maxDepth, "the part tree is deeper than its limit");
    for (const mime::MimePart* part : parts) {
        fuzz::require(inside(text, part->header) && inside(text, part->body), "a part points outside the input");
        fuzz::require(part->header.data() + part->header.size() == part->body.data(), "a body does not follow its header");
        fuzz::require(part->offset == static_cast<std::size_t>(part->header.data() - text.data()),
                      "a part's offset is not where its header is");
        fuzz::require(!part->opaque || part->children.empty(), "an opaque part has children");
        part->decodedBody();
        part->fileName();
    }
    fuzz::require(mime::partAt(root, {}) == &root, "the empty section is not the message");

    const auto base64 = mime::encodeBase64(text);
    fuzz::require(sevenBit(base64), "base64 is not 7-bit");
    const auto unbased = mime::decodeBase64(base64);
    fuzz::require(unbased.clean && unbased.bytes == text, "base64 does not round-trip");

    const auto quoted = mime::encodeQuotedPrintable(text);
    fuzz::require(sevenBit(quoted), "quoted-printable is not 7-bit");
    const auto unquoted = mime::decodeQuotedPrintable(quoted);
    fuzz::require(unquoted.clean && unquoted.bytes == crlfLines(text), "quoted-printable does not round-trip");

    const std::string words = mime::encodeHeaderText(text);
    if (words != text) {
        fuzz::require(sevenBit(words), "encoded-words are not 7-bit");
        fuzz::require(mime::decodeHeaderText(words) == text, "encoded-words do not round-trip");
    }

    const auto parameter = mime::parseParameterizedValue("x/y" + mime::formatParameter("p", text));
    const auto* found = parameter.find("p");
    fuzz::require(found != nullptr && found->value == text, "a formatted parameter does not parse back");

    mime::decodeHeaderText(text);
    mime::parseContentType(text);
    return 0;
}
