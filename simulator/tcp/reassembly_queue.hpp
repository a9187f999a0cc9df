#pragma once
// Segments that arrived ahead of RCV.NXT, kept until the gap before them is
// filled. Positions are 64-bit stream offsets (bytes since the SYN), so they
// never wrap and order by plain comparison. Overlapping and duplicate
// segments are allowed; draining hands out every byte exactly once.

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

namespace netstage::tcp {

class ReassemblyQueue {
public:
    void insert(std::uint64_t offset, std::span<const std::uint8_t> bytes);

    // Hands `sink` the bytes that continue the stream at `offset`, in order,
    // and returns the offset after the last byte handed out.
    template <typename Sink>
    std::uint64_t drain(std::uint64_t offset, Sink&& sink) {
        while (!segments_.empty()) {
            auto first = segments_.begin();
            if (first->first > offset) break;
            const std::uint64_t end = first->first + first->second.size();
            if (end > offset) {
                const auto skip = static_cast<std::size_t>(offset - first->first);
                sink(std::span<const std::uint8_t>{first->second}.subspan(skip));
                offset = end;
            }
            bytes_ -= first->second.size();
            segments_.erase(first);
        }
        return offset;
    }

    bool empty() const { return segments_.empty(); }
    std::size_t bytes() const { return bytes_; }
    std::size_t segmentCount() const { return segments_.size(); }
    void clear();

private:
    std::map<std::uint64_t, std::vector<std::uint8_t>> segments_;
    std::size_t bytes_ = 0;
};

}  // namespace netstage::tcp
