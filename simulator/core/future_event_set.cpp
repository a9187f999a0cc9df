#include "simulator/core/future_event_set.hpp"

#include <algorithm>
#include <vector>

namespace netstage {

namespace {

class QuaternaryHeap final : public FutureEventSet {
public:
    void push(const QueuedEvent& event) override {
        heap_.push_back(event);
        siftUp(heap_.size() - 1);
    }

    QueuedEvent pop() override {
        const QueuedEvent result = heap_.front();
        const QueuedEvent last = heap_.back();
        heap_.pop_back();
        if (!heap_.empty()) siftDown(last);
        return result;
    }

    const QueuedEvent& top() const override { return heap_.front(); }
    bool empty() const override { return heap_.empty(); }
    std::size_t size() const override { return heap_.size(); }
    std::string_view name() const override { return "4-ary heap"; }

private:
    void siftUp(std::size_t index) {
        const QueuedEvent moving = heap_[index];
        while (index > 0) {
            const std::size_t parent = (index - 1) / 4;
            if (!before(moving, heap_[parent])) break;
            heap_[index] = heap_[parent];
            index = parent;
        }
        heap_[index] = moving;
    }

    // Places `moving` starting from the root (the hole left by pop).
    void siftDown(const QueuedEvent& moving) {
        const std::size_t n = heap_.size();
        std::size_t index = 0;
        for (;;) {
            const std::size_t first = index * 4 + 1;
            if (first >= n) break;
            std::size_t best = first;
            const std::size_t end = std::min(first + 4, n);
            for (std::size_t child = first + 1; child < end; ++child) {
                if (before(heap_[child], heap_[best])) best = child;
            }
            if (!before(heap_[best], moving)) break;
            heap_[index] = heap_[best];
            index = best;
        }
        heap_[index] = moving;
    }

    std::vector<QueuedEvent> heap_;
};

class BinaryHeap final : public FutureEventSet {
public:
    void push(const QueuedEvent& event) override {
        heap_.push_back(event);
        std::push_heap(heap_.begin(), heap_.end(), later);
    }
    QueuedEvent pop() override {
        std::pop_heap(heap_.begin(), heap_.end(), later);
        const QueuedEvent result = heap_.back();
        heap_.pop_back();
        return result;
    }
    const QueuedEvent& top() const override { return heap_.front(); }
    bool empty() const override { return heap_.empty(); }
    std::size_t size() const override { return heap_.size(); }
    std::string_view name() const override { return "binary heap"; }

private:
    static bool later(const QueuedEvent& a, const QueuedEvent& b) { return before(b, a); }
    std::vector<QueuedEvent> heap_;
};

}  // namespace

std::unique_ptr<FutureEventSet> makeQuaternaryHeap() { return std::make_unique<QuaternaryHeap>(); }
std::unique_ptr<FutureEventSet> makeBinaryHeap() { return std::make_unique<BinaryHeap>(); }

}  // namespace netstage
