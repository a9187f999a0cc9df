#pragma once
// The verdict on one expectation: passed or not, in words (what was expected,
// what happened), and where in the run it was decided: the trace time and the
// index (into TraceLog::records) of the event that satisfied or broke it, when
// one did. A viewer jumps to that event; a grader prints the words.

#include <cstddef>
#include <optional>
#include <string>

#include "simulator/core/time.hpp"

namespace netstage::expect {

struct ExpectationResult {
    bool passed = false;
    std::string expected;  // "bob@hamburger.edu holds 1 message"
    std::string actual;    // "it holds 0 messages (the last change at 2.341 s)"
    std::optional<Time> time;
    std::optional<std::size_t> record;

    std::string reason() const;  // "expected ...; ..." for a failure, the actual for a pass
};

}  // namespace netstage::expect
