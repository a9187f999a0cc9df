#pragma once
// Traces for the analysis panels' tests: scenario 01 run in memory once.

#include "simulator/trace/record.hpp"

namespace netstage::gui::testing {

// scenarios/01-smtp-alice-to-bob.yaml, run with its own seed, every record kept.
const trace::TraceLog& scenario01Log();

}  // namespace netstage::gui::testing
