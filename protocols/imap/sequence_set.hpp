#pragma once
// RFC 3501 sequence-set: "1", "2:4", "7:*", "1,3,5:*". The same syntax names
// message sequence numbers and UIDs; '*' is the largest number in use.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocols/imap/imap_syntax.hpp"

namespace netstage::imap {

class SequenceSet {
public:
    static constexpr std::uint32_t star = 0;  // '*' is stored as 0, which is never a valid number

    struct Range {
        std::uint32_t first = 1;
        std::uint32_t last = 1;
    };

    static std::optional<SequenceSet> parse(Cursor& cursor);
    static std::optional<SequenceSet> parse(std::string_view text);

    // Whether `n` is in the set when '*' means `largest`.
    bool contains(std::uint32_t n, std::uint32_t largest) const;
    // The ranges with '*' resolved and each range ordered low..high.
    std::vector<Range> resolved(std::uint32_t largest) const;

    std::string toString() const;
    const std::vector<Range>& ranges() const { return ranges_; }

    // Compact form of ascending numbers: 1:3,7,9:10.
    static std::string format(const std::vector<std::uint32_t>& ascending);

private:
    std::vector<Range> ranges_;
};

}  // namespace netstage::imap
