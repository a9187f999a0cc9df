#pragma once
// What every fuzz target shares: how one input becomes a byte stream cut
// into pieces, and how an oracle reports a broken property.
//
// The first byte of an input chooses the cut, the rest is the stream. So a
// single corpus exercises the engines whole, byte by byte and at every chunk
// size in between, the way the split-invariance tests do for fixed fixtures.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace netstage::fuzz {

class SplitInput {
public:
    // A first byte of 0x80 or more feeds the stream whole; below, it is the
    // chunk size minus one (1..128 octets).
    SplitInput(const std::uint8_t* data, std::size_t size) {
        if (size == 0) return;
        chunk_ = data[0] >= 0x80 ? size : std::size_t{data[0]} + 1;
        rest_ = std::string_view{reinterpret_cast<const char*>(data) + 1, size - 1};
    }

    bool done() const { return rest_.empty(); }

    // The next piece of the stream; empty once it is all taken.
    std::string_view next() {
        const std::size_t n = std::min(chunk_, rest_.size());
        const std::string_view piece = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return piece;
    }

private:
    std::string_view rest_;
    std::size_t chunk_ = 1;
};

// A broken oracle stops the run at once, with a word on stderr, so libFuzzer
// saves the input and the replay test fails.
inline void require(bool property, const char* what) {
    if (property) return;
    std::fprintf(stderr, "fuzz oracle failed: %s\n", what);
    std::abort();
}

// How the SMTP and POP3 engines (protocols/common/engine.hpp: start(now),
// receive(bytes, now), nextTimeout()/handleTimeout(now), receiveEof(now)) are
// fed: a piece of the input every simulated second until the input ends or
// `over()` says the session is, draining the engine after each step. Returns
// the simulated time reached.
template <typename Session, typename Drain, typename Over>
std::chrono::nanoseconds feedTimedEngine(Session& session, SplitInput& input, Drain drain, Over over) {
    std::chrono::nanoseconds now{0};
    session.start(now);
    drain();
    while (!input.done() && !over()) {
        now += std::chrono::seconds{1};
        session.receive(input.next(), now);
        drain();
        session.takeOutput();
    }
    return now;
}

// Then, from `now`, the engine's next timeout and the end of the stream, each
// only while the session is not over (a server is given both whatever its state).
template <typename Session, typename Drain, typename Over>
void endTimedEngine(Session& session, std::chrono::nanoseconds now, Drain drain, Over over) {
    if (!over()) {
        if (const auto deadline = session.nextTimeout()) {
            now = std::max(now, *deadline);
            session.handleTimeout(now);
            drain();
        }
    }
    if (!over()) {
        session.receiveEof(now);
        drain();
    }
    session.takeOutput();
}

inline bool never() { return false; }

// The oracle "every command gets a reply": each command an engine reports
// having read must be answered (a final reply, or a continuation such as
// IMAP's "+") before the next command is read and before the engine goes
// idle. Protocols that may hold a reply back (FTP during a transfer) count
// instead of using this.
class ReplyLedger {
public:
    void command() {
        require(!awaiting_, "a command was read before the one before it was answered");
        awaiting_ = true;
    }
    void reply() { awaiting_ = false; }
    void idle() const { require(!awaiting_, "a command was never answered"); }

private:
    bool awaiting_ = false;
};

// Engines must go idle: a host loop that never ends is a bug too.
inline constexpr int maxPumpRounds = 100000;

}  // namespace netstage::fuzz
