#pragma once
// The quiz of a scenario file just opened: its questions, placed before their
// events in the trace the player holds (the same run, so the same records).
// A trace file (.jsonl) has no quiz; a scenario whose question's event never
// happens plays without its quiz, and the error says why.

#include <optional>
#include <string>

#include "gui/model/document_source.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::gui {

class QuizPauser;

// Gives `pauser` the quiz of `path`, or none. Returns the error to show, if any.
std::optional<LoadError> loadQuiz(QuizPauser& pauser, const std::string& path, const trace::TraceLog& log);

}  // namespace netstage::gui
