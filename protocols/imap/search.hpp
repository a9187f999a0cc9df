#pragma once
// SEARCH criteria (RFC 3501 §6.4.4): parsed into a tree, then matched
// against one message at a time. Several keys side by side are ANDed.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocols/imap/imap_syntax.hpp"
#include "protocols/imap/sequence_set.hpp"
#include "protocols/mail/mail_store_types.hpp"

namespace netstage::imap {

struct SearchKey {
    enum class Kind {
        All, And, Or, Not, Sequence, Uid,
        Seen, Unseen, Answered, Unanswered, Flagged, Unflagged, Deleted, Undeleted, Draft, Undraft,
        New, Old, Recent, Keyword, Unkeyword,
        From, To, Cc, Bcc, Subject, Body, Text, Header,
        Since, Before, On, SentSince, SentBefore, SentOn, Larger, Smaller,
    };
    Kind kind = Kind::All;
    std::string text;    // substring, keyword, or header field name
    std::string text2;   // HEADER's substring
    std::int64_t number = 0;  // a day (dates) or an octet count (LARGER/SMALLER)
    SequenceSet set;
    std::vector<SequenceSet::Range> resolved;  // set with '*' resolved, filled by prepare()
    std::vector<SearchKey> children;
};

struct SearchParse {
    std::optional<SearchKey> key;
    std::string error;       // why parsing failed (becomes BAD)
    bool badCharset = false; // an unknown CHARSET (becomes NO [BADCHARSET])
};

SearchParse parseSearch(Cursor& cursor);

// Resolves '*' in sequence and UID sets; call once before matching.
void prepare(SearchKey& key, std::uint32_t largestSequence, std::uint32_t largestUid);
bool matches(const SearchKey& key, const mail::Message& message, std::uint32_t sequence);

}  // namespace netstage::imap
