#pragma once
// Judges expectations against a finished run: its trace and, for what the
// trace does not carry (a message's text, a file's octets), the world's final
// state. The same function serves `netstage check`, the grader and a viewer
// that ticks a checklist.

#include <vector>

#include "simulator/expect/expectation.hpp"
#include "simulator/expect/expectation_result.hpp"
#include "simulator/expect/world_state.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::expect {

class RunView;

ExpectationResult evaluate(const Expectation& expectation, RunView& run);

// `world` may be null (a saved trace): expectations about a mailbox's
// messages or an FTP file then fail, saying the final state is not known.
std::vector<ExpectationResult> evaluate(const std::vector<Expectation>& expectations, const trace::TraceLog& log,
                                        const WorldState* world);

}  // namespace netstage::expect
