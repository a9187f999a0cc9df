#pragma once
// A scenario's expectations as the player shows them: each with its verdict
// over the whole run (from simulator/expect, the same evaluation
// `netstage check` prints) and the moment that verdict was decided. At a
// playback cursor an expectation is pending until the run reaches that
// moment, then passed or failed: a checklist that ticks as the run plays.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "simulator/core/time.hpp"
#include "simulator/expect/expectation_result.hpp"

namespace netstage::gui {

struct ChecklistEntry {
    std::string text;    // what is expected, as the scenario states it
    std::string note;    // the author's own words, "" if none
    std::string origin;  // "scenarios/01.yaml:125:5"
    expect::ExpectationResult result;
};

struct Checklist {
    std::vector<ChecklistEntry> entries;
    // How many records the judged run had: a trace played with another
    // number of records is not the run judged, so no entry points into it.
    std::size_t records = 0;
};

enum class EntryState { Pending, Passed, Failed };

// Where the player's cursor is: records [0, position) have happened.
struct CursorAt {
    std::size_t position = 0;
    Time time;
    bool atEnd = false;
};

// An entry decided by record r is decided once r has happened; one decided
// only by a time, once the cursor reaches it; one decided by the run's final
// state alone (a mailbox that was never touched), at the end.
EntryState stateAt(const ChecklistEntry& entry, const CursorAt& cursor);

}  // namespace netstage::gui
