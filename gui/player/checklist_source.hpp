#pragma once
// Where the player gets a document's expectation checklist. For a scenario
// the default source loads it and judges its `expect:` list over a run of
// its own (simulator/scenario/check_run.hpp, as `netstage check` does): the
// mailboxes' and FTP files' final contents are the world's, which a trace
// does not carry. Same scenario and seed give the same trace, so the judged
// run's record indices are the played run's. A saved trace has no checklist.
//
// Given a teacher's expectations file (`netstage-gui --against`), the
// checklist is that file's, judged against each scenario opened, with its
// constraints first: what `netstage check --against` grades.

#include <functional>
#include <optional>
#include <string>

#include "gui/checklist/checklist.hpp"

namespace netstage::gui {

// nullopt: no checklist for this file (a trace, a scenario without expectations, one that fails to run).
using ChecklistSource = std::function<std::optional<Checklist>(const std::string& path)>;

ChecklistSource defaultChecklistSource(std::optional<std::string> against = std::nullopt);

// Why a teacher's file cannot be used ("teacher.yaml:4:7: ..."), or nullopt when it can.
std::optional<std::string> teacherFileError(const std::string& path);

}  // namespace netstage::gui
