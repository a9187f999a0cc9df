#include "simulator/tcp/byte_queue.hpp"

#include <algorithm>
#include <stdexcept>

namespace netstage::tcp {

void ByteQueue::append(std::span<const std::uint8_t> bytes) {
    while (!bytes.empty()) {
        if (chunks_.size() == firstChunk_ || chunks_.back().size() == chunkSize) {
            chunks_.emplace_back();
            // Grow to the full chunk only when the data needs it: a mail server
            // holds thousands of connections that each queue a few short lines.
            chunks_.back().reserve(std::min(chunkSize, bytes.size()));
        }
        auto& last = chunks_.back();
        const std::size_t take = std::min(bytes.size(), chunkSize - last.size());
        last.insert(last.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(take));
        bytes = bytes.subspan(take);
        size_ += take;
    }
}

void ByteQueue::copyOut(std::size_t offset, std::size_t length, std::uint8_t* out) const {
    if (offset + length > size_) throw std::out_of_range{"ByteQueue::copyOut past the end"};
    std::size_t position = head_ + offset;
    std::size_t index = position / chunkSize;
    position %= chunkSize;
    // Every chunk but the last is full, so chunk i starts at i * chunkSize.
    while (length > 0) {
        const auto& chunk = chunks_[firstChunk_ + index];
        const std::size_t take = std::min(length, chunk.size() - position);
        std::copy_n(chunk.data() + position, take, out);
        out += take;
        length -= take;
        position = 0;
        ++index;
    }
}

void ByteQueue::consume(std::size_t count) {
    if (count > size_) throw std::out_of_range{"ByteQueue::consume past the end"};
    size_ -= count;
    head_ += count;
    while (firstChunk_ < chunks_.size() && head_ >= chunks_[firstChunk_].size() &&
           (chunks_[firstChunk_].size() == chunkSize || size_ == 0)) {
        head_ -= chunks_[firstChunk_].size();
        std::vector<std::uint8_t>{}.swap(chunks_[firstChunk_]);  // free its bytes now
        ++firstChunk_;
    }
    if (firstChunk_ >= 64 && firstChunk_ * 2 >= chunks_.size()) {  // a queue that never drains
        chunks_.erase(chunks_.begin(), chunks_.begin() + static_cast<std::ptrdiff_t>(firstChunk_));
        firstChunk_ = 0;
    }
    if (size_ == 0) clear();
}

std::span<const std::uint8_t> ByteQueue::front() const {
    if (size_ == 0) return {};
    const auto& chunk = chunks_[firstChunk_];
    return std::span<const std::uint8_t>{chunk}.subspan(head_);
}

void ByteQueue::clear() {
    chunks_.clear();
    firstChunk_ = 0;
    head_ = 0;
    size_ = 0;
}

}  // namespace netstage::tcp
