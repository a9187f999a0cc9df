#pragma once
// A FIFO of bytes kept as a deque of fixed-size chunks: appending never moves
// what is already stored, dropping from the front frees whole chunks, and
// reading any range costs one copy. It holds a connection's send buffer
// (bytes from SND.UNA on) and the received bytes the application has not read.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace netstage::tcp {

class ByteQueue {
public:
    static constexpr std::size_t chunkSize = 16 * 1024;

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

    void append(std::span<const std::uint8_t> bytes);
    // Copies `length` bytes starting `offset` bytes from the front into `out`.
    // Precondition: offset + length <= size().
    void copyOut(std::size_t offset, std::size_t length, std::uint8_t* out) const;
    // Drops `count` bytes from the front. Precondition: count <= size().
    void consume(std::size_t count);
    // The first contiguous run of bytes (empty when the queue is empty).
    std::span<const std::uint8_t> front() const;
    void clear();

private:
    // Chunks in order; the first `firstChunk_` are consumed and kept only until
    // the queue drains (a vector, not a deque: a deque costs ~600 bytes even
    // when empty, and a mail server holds thousands of queues).
    std::vector<std::vector<std::uint8_t>> chunks_;
    std::size_t firstChunk_ = 0;
    std::size_t head_ = 0;  // bytes already consumed from the first live chunk
    std::size_t size_ = 0;
};

}  // namespace netstage::tcp
