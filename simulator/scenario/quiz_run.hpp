#pragma once
// Where a quiz's questions fall in a run. The run happens first, whole (it is
// deterministic, so pausing it changes nothing), then each question is placed
// before the first trace event that fits it. A question whose event never
// happens is an error at that question's file:line:column, reported before
// any question is asked: a quiz that would silently skip a question teaches
// the wrong thing.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "simulator/scenario/quiz_spec.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/trace/record.hpp"
#include "simulator/trace/transcript.hpp"

namespace netstage::scenario {

// A question and the record (index into TraceLog::records) it comes before.
struct QuizStop {
    std::size_t question = 0;  // index into ScenarioSpec::quiz
    std::size_t record = 0;
    Time time;
};

// One stop per question, in trace order (questions before the same event in
// file order). Throws ScenarioError at the first question whose event is not
// in `log`, naming every such question's line.
std::vector<QuizStop> placeQuestions(const std::vector<QuizQuestion>& quiz, const trace::TraceLog& log);

struct QuizRun {
    trace::TraceLog log;
    trace::Transcript transcript;
    std::vector<QuizStop> stops;
};

// Runs the scenario and places its questions. Throws ScenarioError.
QuizRun runQuiz(const ScenarioSpec& spec);

// What an event is, in the words the reveal uses: an application line as the
// transcript prints it ("S: 250 bob@hamburger.edu ... Recipient ok"), any
// other event as "mail bounced: to=bob@hamburger.edu, reason=...".
std::string describeEvent(const trace::Event& event);

// "0.312 s": a run's time to the millisecond, as the quiz prints it.
std::string quizTime(Time t);

}  // namespace netstage::scenario
