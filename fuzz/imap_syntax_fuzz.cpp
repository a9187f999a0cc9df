// The IMAP syntax parsers on their own: sequence sets, SEARCH keys, FETCH
// items, dates, base64 and literal announcements. Oracle: each parses or
// says why not; a parsed sequence set prints and parses back to the same
// ranges, and decoded base64 encodes and decodes back to the same bytes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_input.hpp"
#include "protocols/imap/fetch.hpp"
#include "protocols/imap/imap_syntax.hpp"
#include "protocols/imap/search.hpp"
#include "protocols/imap/sequence_set.hpp"

namespace {

using namespace netstage;

bool sameRanges(const imap::SequenceSet& a, const imap::SequenceSet& b) {
    if (a.ranges().size() != b.ranges().size()) return false;
    for (std::size_t i = 0; i < a.ranges().size(); ++i) {
        if (a.ranges()[i].first != b.ranges()[i].first || a.ranges()[i].last != b.ranges()[i].last) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};

    if (const auto set = imap::SequenceSet::parse(text)) {
        const auto again = imap::SequenceSet::parse(set->toString());
        fuzz::require(again.has_value() && sameRanges(*set, *again), "a sequence set does not survive print and parse");
        set->resolved(3);
        set->contains(2, 3);
    }
    {
        imap::Cursor cursor{text};
        auto search = imap::parseSearch(cursor);
        if (search.key) imap::prepare(*search.key, 3, 7);
    }
    {
        imap::Cursor cursor{text};
        imap::parseFetchItems(cursor);
    }
    {
        imap::Cursor cursor{text};
        std::string error;
        imap::parseFlags(cursor, true, error);
    }
    imap::parseDateTime(text);
    imap::parseDate(text);
    imap::trailingLiteral(text);
    if (const auto decoded = imap::base64Decode(text)) {
        const auto again = imap::base64Decode(imap::base64Encode(*decoded));
        fuzz::require(again.has_value() && *again == *decoded, "base64 does not survive encode and decode");
    }
    return 0;
}
