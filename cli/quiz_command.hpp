#pragma once
// `netstage quiz SCENARIO [--reveal] [--context N]`: runs the scenario, then
// steps through it question by question: what led up to each (the last
// transcript lines), the question, the student's answer read from standard
// input (so answers can be piped in), what really happened and the
// explanation, and a score at the end. `--reveal` prints every question with
// its answer for the teacher and reads nothing. docs/quizzes.md.

#include <cstddef>
#include <iosfwd>
#include <string>

namespace netstage::cli {

struct QuizOptions {
    std::string path;
    bool reveal = false;
    std::size_t context = 8;  // transcript lines shown before a question, at most
};

// Exit status: 0 the quiz ran to its end (whatever the score); 2 the scenario
// or its quiz is broken (a load error, a question whose event never happens).
int runQuizCommand(const QuizOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace netstage::cli
