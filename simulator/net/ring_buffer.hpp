#pragma once
// A growable FIFO over one contiguous array. Link queues use it so that a
// packet waiting or in flight costs no allocation once the ring has grown to
// the link's working size (std::deque allocates a chunk every few packets).

#include <cstddef>
#include <utility>
#include <vector>

namespace netstage::net {

template <typename T>
class RingBuffer {
public:
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }

    void push(T&& value) {
        if (size_ == slots_.size()) grow();
        slots_[(head_ + size_) & (slots_.size() - 1)] = std::move(value);
        ++size_;
    }
    T& front() { return slots_[head_]; }
    const T& back() const { return slots_[(head_ + size_ - 1) & (slots_.size() - 1)]; }
    // Precondition: !empty().
    T pop() {
        T value = std::move(slots_[head_]);
        head_ = (head_ + 1) & (slots_.size() - 1);
        --size_;
        return value;
    }
    void clear() {
        while (!empty()) (void)pop();
        head_ = 0;
    }

private:
    void grow() {
        std::vector<T> bigger(slots_.empty() ? 8 : slots_.size() * 2);
        for (std::size_t i = 0; i < size_; ++i) bigger[i] = std::move(slots_[(head_ + i) & (slots_.size() - 1)]);
        slots_ = std::move(bigger);
        head_ = 0;
    }

    std::vector<T> slots_;  // capacity is zero or a power of two
    std::size_t head_ = 0;
    std::size_t size_ = 0;
};

}  // namespace netstage::net
