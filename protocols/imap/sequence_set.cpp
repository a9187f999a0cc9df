#include "protocols/imap/sequence_set.hpp"

#include <algorithm>

namespace netstage::imap {

namespace {
std::optional<std::uint32_t> seqNumber(Cursor& cursor) {
    if (cursor.consume('*')) return SequenceSet::star;
    auto n = cursor.number();
    if (!n || *n == 0) return std::nullopt;
    return n;
}
}  // namespace

std::optional<SequenceSet> SequenceSet::parse(Cursor& cursor) {
    SequenceSet set;
    do {
        auto first = seqNumber(cursor);
        if (!first) return std::nullopt;
        Range r{*first, *first};
        if (cursor.consume(':')) {
            auto last = seqNumber(cursor);
            if (!last) return std::nullopt;
            r.last = *last;
        }
        set.ranges_.push_back(r);
    } while (cursor.consume(','));
    return set;
}

std::optional<SequenceSet> SequenceSet::parse(std::string_view text) {
    Cursor cursor{text};
    auto set = parse(cursor);
    if (!set || !cursor.atEnd()) return std::nullopt;
    return set;
}

std::vector<SequenceSet::Range> SequenceSet::resolved(std::uint32_t largest) const {
    std::vector<Range> out;
    for (auto r : ranges_) {
        if (r.first == star) r.first = largest;
        if (r.last == star) r.last = largest;
        if (r.first > r.last) std::swap(r.first, r.last);
        if (r.first == 0) r.first = 1;
        if (r.last == 0) continue;  // '*' in an empty mailbox
        out.push_back(r);
    }
    return out;
}

bool SequenceSet::contains(std::uint32_t n, std::uint32_t largest) const {
    for (const auto& r : resolved(largest)) {
        if (n >= r.first && n <= r.last) return true;
    }
    return false;
}

std::string SequenceSet::toString() const {
    std::string out;
    for (const auto& r : ranges_) {
        if (!out.empty()) out += ',';
        out += r.first == star ? "*" : std::to_string(r.first);
        if (r.last != r.first) out += ":" + (r.last == star ? std::string{"*"} : std::to_string(r.last));
    }
    return out;
}

std::string SequenceSet::format(const std::vector<std::uint32_t>& ascending) {
    std::string out;
    for (std::size_t i = 0; i < ascending.size();) {
        std::size_t j = i;
        while (j + 1 < ascending.size() && ascending[j + 1] == ascending[j] + 1) ++j;
        if (!out.empty()) out += ',';
        out += std::to_string(ascending[i]);
        if (j > i) out += ":" + std::to_string(ascending[j]);
        i = j + 1;
    }
    return out;
}

}  // namespace netstage::imap
