#pragma once
// One entry of the future-event set, callback included. The callback travels
// inside the entry (not in a side table) because at a million pending events
// a side table is a cache miss per event; entries are trivially copyable so
// queues move them with plain memory copies.

#include <cstdint>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace netstage {

// A type-erased `void()` callable in 24 bytes of inline storage. Callables
// that are small and trivially copyable (lambdas capturing pointers and
// numbers, the common case) live inline; anything else is moved to the heap
// and the entry holds the pointer. Ownership is manual: whoever removes an
// entry for good calls run() or discard() exactly once.
struct RawCallback {
    static constexpr std::size_t inlineSize = 24;

    void (*invoke)(void* storage) = nullptr;
    void (*destroy)(void* storage) = nullptr;  // null when there is nothing to free
    alignas(8) unsigned char storage[inlineSize];

    template <typename F>
    static RawCallback make(F&& f) {
        using D = std::decay_t<F>;
        RawCallback cb;
        if constexpr (sizeof(D) <= inlineSize && alignof(D) <= 8 && std::is_trivially_copyable_v<D>) {
            ::new (static_cast<void*>(cb.storage)) D(std::forward<F>(f));
            cb.invoke = [](void* p) { (*std::launder(static_cast<D*>(p)))(); };
        } else {
            D* heap = new D(std::forward<F>(f));
            std::memcpy(cb.storage, &heap, sizeof heap);
            cb.invoke = [](void* p) {
                D* ptr;
                std::memcpy(&ptr, p, sizeof ptr);
                (*ptr)();
            };
            cb.destroy = [](void* p) {
                D* ptr;
                std::memcpy(&ptr, p, sizeof ptr);
                delete ptr;
            };
        }
        return cb;
    }

    void run() {
        invoke(storage);
        discard();
    }
    void discard() {
        if (destroy != nullptr) destroy(storage);
        destroy = nullptr;
    }
};

struct QueuedEvent {
    std::int64_t time;
    std::uint64_t sequence;     // insertion order: ties in time run first-in first-out
    std::uint32_t slot;         // the simulator's handle for cancellation
    std::uint32_t generation;   // the entry is stale (cancelled) if its slot moved on
    RawCallback callback;

    friend constexpr bool before(const QueuedEvent& a, const QueuedEvent& b) {
        return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
    }
};
static_assert(std::is_trivially_copyable_v<QueuedEvent>);
static_assert(sizeof(QueuedEvent) == 64, "one cache line per entry");

}  // namespace netstage
