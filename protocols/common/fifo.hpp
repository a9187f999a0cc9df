#pragma once
// A first-in first-out queue over one vector. Every engine keeps a queue of
// events for its host; std::deque allocates about 600 bytes the moment it is
// constructed, which a mail server pays for on each of thousands of open
// sessions. This allocates nothing until the first push and gives its space
// back once drained: an engine's queue is drained after every exchange, and a
// server holding 100,000 sessions at once would otherwise hold each queue's
// largest burst (the lines of a whole message) for the session's life.

#include <cstddef>
#include <utility>
#include <vector>

namespace netstage::proto {

template <typename T>
class Fifo {
public:
    bool empty() const { return head_ == items_.size(); }
    std::size_t size() const { return items_.size() - head_; }

    void push_back(T item) { items_.push_back(std::move(item)); }
    template <typename... Args>
    T& emplace_back(Args&&... args) {
        return items_.emplace_back(std::forward<Args>(args)...);
    }

    T& front() { return items_[head_]; }
    const T& front() const { return items_[head_]; }
    T& back() { return items_.back(); }
    const T& back() const { return items_.back(); }

    void pop_front() {
        ++head_;
        if (head_ == items_.size()) {
            std::vector<T>{}.swap(items_);
            head_ = 0;
        } else if (head_ >= 64 && head_ * 2 >= items_.size()) {
            // Long-lived queues that never drain: reclaim the consumed half.
            items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
            head_ = 0;
        }
    }

    void clear() {
        items_.clear();
        head_ = 0;
    }

    auto begin() { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
    auto end() { return items_.end(); }
    auto begin() const { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
    auto end() const { return items_.end(); }

private:
    std::vector<T> items_;
    std::size_t head_ = 0;
};

}  // namespace netstage::proto
