#include "simulator/core/future_event_set.hpp"

#include "simulator/core/cancelled_entries.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace netstage {

namespace {

bool cancelled(const QueuedEvent& event, std::span<const std::uint32_t> generations) {
    return generations[event.slot] != event.generation;
}

// Removes the cancelled entries of `entries`, keeping the
// others in order; returns how many went.
std::size_t eraseCancelled(std::vector<QueuedEvent>& entries, std::span<const std::uint32_t> generations) {
    const auto kept = std::stable_partition(entries.begin(), entries.end(),
                                            [&](const QueuedEvent& e) { return !cancelled(e, generations); });
    const auto removed = static_cast<std::size_t>(entries.end() - kept);
    for (auto it = kept; it != entries.end(); ++it) it->callback.discard();
    entries.erase(kept, entries.end());
    return removed;
}

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

    std::int64_t minTime() const override { return heap_.front().time; }
    bool empty() const override { return heap_.empty(); }
    std::size_t size() const override { return heap_.size(); }
    std::string_view name() const override { return "4-ary heap"; }

    std::size_t dropCancelled(std::span<const std::uint32_t> generations) {
        const std::size_t removed = eraseCancelled(heap_, generations);
        std::vector<QueuedEvent> kept;
        kept.swap(heap_);
        for (const QueuedEvent& event : kept) push(event);
        return removed;
    }

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
    std::int64_t minTime() const override { return heap_.front().time; }
    bool empty() const override { return heap_.empty(); }
    std::size_t size() const override { return heap_.size(); }
    std::string_view name() const override { return "binary heap"; }

    std::size_t dropCancelled(std::span<const std::uint32_t> generations) {
        const std::size_t removed = eraseCancelled(heap_, generations);
        std::make_heap(heap_.begin(), heap_.end(), later);
        return removed;
    }

private:
    static bool later(const QueuedEvent& a, const QueuedEvent& b) { return before(b, a); }
    std::vector<QueuedEvent> heap_;
};

// Bucket i (i >= 1) holds entries whose time differs from `base_` first in
// bit i-1; bucket 0 holds entries at exactly `base_`. Entries with equal time
// always share a bucket and move together in order, and every bucket is
// first-in first-out, so equal times pop in push order: the sequence number
// is implied, not compared.
class RadixHeap final : public FutureEventSet {
public:
    void push(const QueuedEvent& event) override {
        const unsigned index = bucketOf(event.time);
        buckets_[index].push_back(event);
        if (index > 0 && event.time < bucketMin_[index]) bucketMin_[index] = event.time;
        occupied_ |= std::uint64_t{1} << index;
        ++size_;
    }

    QueuedEvent pop() override {
        if (head_ == buckets_[0].size()) refill();
        const QueuedEvent result = buckets_[0][head_++];
        if (head_ == buckets_[0].size()) {
            buckets_[0].clear();
            head_ = 0;
            occupied_ &= ~std::uint64_t{1};
        }
        --size_;
        return result;
    }

    std::int64_t minTime() const override {
        if (head_ < buckets_[0].size()) return base_;
        return bucketMin_[static_cast<unsigned>(__builtin_ctzll(occupied_))];
    }
    const QueuedEvent* upcoming() const override {
        constexpr std::size_t distance = 8;
        return head_ + distance < buckets_[0].size() ? &buckets_[0][head_ + distance] : nullptr;
    }
    bool empty() const override { return size_ == 0; }
    std::size_t size() const override { return size_; }
    std::string_view name() const override { return "radix heap"; }

    // Buckets are first-in first-out and stay so: the entries kept pop in
    // the same order as before.
    std::size_t dropCancelled(std::span<const std::uint32_t> generations) {
        auto& first = buckets_[0];
        first.erase(first.begin(), first.begin() + static_cast<std::ptrdiff_t>(head_));  // popped already
        head_ = 0;
        std::size_t removed = 0;
        for (unsigned index = 0; index < bucketCount; ++index) {
            auto& bucket = buckets_[index];
            if (bucket.empty()) continue;
            removed += eraseCancelled(bucket, generations);
            if (bucket.empty()) {
                releaseIfLarge(bucket);
                occupied_ &= ~(std::uint64_t{1} << index);
                if (index > 0) bucketMin_[index] = maxTime;
                continue;
            }
            if (bucket.capacity() > keptCapacity && bucket.capacity() > 4 * bucket.size()) bucket.shrink_to_fit();
            if (index > 0) {
                std::int64_t least = maxTime;
                for (const QueuedEvent& event : bucket) least = std::min(least, event.time);
                bucketMin_[index] = least;
            }
        }
        size_ -= removed;
        return removed;
    }

private:
    static constexpr unsigned bucketCount = 65;

    unsigned bucketOf(std::int64_t time) const {
        const auto diff = static_cast<std::uint64_t>(time) ^ static_cast<std::uint64_t>(base_);
        return diff == 0 ? 0 : 64 - static_cast<unsigned>(__builtin_clzll(diff));
    }

    // Bucket 0 is empty: move the lowest non-empty bucket down around its minimum.
    void refill() {
        buckets_[0].clear();
        head_ = 0;
        occupied_ &= ~std::uint64_t{1};
        const auto index = static_cast<unsigned>(__builtin_ctzll(occupied_));
        base_ = bucketMin_[index];
        std::vector<QueuedEvent> moving;
        moving.swap(buckets_[index]);
        occupied_ &= ~(std::uint64_t{1} << index);
        bucketMin_[index] = maxTime;
        for (const QueuedEvent& event : moving) {
            const unsigned target = bucketOf(event.time);
            buckets_[target].push_back(event);
            if (target > 0 && event.time < bucketMin_[target]) bucketMin_[target] = event.time;
            occupied_ |= std::uint64_t{1} << target;
        }
        // Buckets keep their capacity: giving it back whenever a bucket empties
        // made the hold model 2.6 times slower at a million pending events
        // (every refill grew its buffers again). The cancelled-entry sweep is
        // what keeps a queue of mostly stale entries small.
        moving.clear();
        spare_.swap(moving);  // keep one buffer's capacity for the next refill
        if (buckets_[index].capacity() == 0) buckets_[index].swap(spare_);
    }

    static constexpr std::size_t keptCapacity = 1024;  // entries (64 KB)
    static void releaseIfLarge(std::vector<QueuedEvent>& bucket) {
        if (bucket.capacity() > keptCapacity) {
            std::vector<QueuedEvent>{}.swap(bucket);
        } else {
            bucket.clear();
        }
    }

    static constexpr std::int64_t maxTime = INT64_MAX;
    std::array<std::vector<QueuedEvent>, bucketCount> buckets_;
    std::array<std::int64_t, bucketCount> bucketMin_ = filled(maxTime);
    std::vector<QueuedEvent> spare_;
    std::uint64_t occupied_ = 0;  // bit i set: bucket i not empty (bucket 64 never used: times are >= 0)
    std::int64_t base_ = 0;
    std::size_t head_ = 0;        // next entry to pop from bucket 0
    std::size_t size_ = 0;

    static std::array<std::int64_t, bucketCount> filled(std::int64_t v) {
        std::array<std::int64_t, bucketCount> a{};
        a.fill(v);
        return a;
    }
};

}  // namespace

std::size_t dropCancelled(FutureEventSet& queue, std::span<const std::uint32_t> generations) {
    // The three queues are this file's own; a virtual member would do the
    // same, at the price of touching a header everything includes.
    if (auto* radix = dynamic_cast<RadixHeap*>(&queue)) return radix->dropCancelled(generations);
    if (auto* quaternary = dynamic_cast<QuaternaryHeap*>(&queue)) return quaternary->dropCancelled(generations);
    if (auto* binary = dynamic_cast<BinaryHeap*>(&queue)) return binary->dropCancelled(generations);
    return 0;
}

std::unique_ptr<FutureEventSet> makeRadixHeap() { return std::make_unique<RadixHeap>(); }

std::unique_ptr<FutureEventSet> makeQuaternaryHeap() { return std::make_unique<QuaternaryHeap>(); }
std::unique_ptr<FutureEventSet> makeBinaryHeap() { return std::make_unique<BinaryHeap>(); }

}  // namespace netstage
