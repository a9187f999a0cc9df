#include "gui/checklist/checklist.hpp"

namespace netstage::gui {

EntryState stateAt(const ChecklistEntry& entry, const CursorAt& cursor) {
    const auto& r = entry.result;
    const bool decided = r.record ? cursor.position > *r.record : r.time ? cursor.time >= *r.time : cursor.atEnd;
    if (!decided) return EntryState::Pending;
    return r.passed ? EntryState::Passed : EntryState::Failed;
}

}  // namespace netstage::gui
