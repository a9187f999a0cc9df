#pragma once
// A scenario's quiz (docs/quizzes.md): questions that pause a run before an
// event and ask what that event will be. A question waits for its event the
// way a narration caption does ({layer, type, node, line}), with two more
// ways to pick an application line: who says it (`from`) and a pattern over
// its text (`matches`). The answers are plain data, graded here, so the
// terminal (`netstage quiz`) and the GUI grade alike.

#include <cstddef>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/expect/text_match.hpp"
#include "simulator/scenario/scenario_error.hpp"
#include "simulator/trace/trace_event.hpp"

namespace netstage::scenario {

// The trace event a question comes before.
struct QuizEvent {
    std::string layer;
    std::string type;
    std::optional<std::string> node;
    std::optional<std::string> line;      // the event's "text" field is exactly this
    std::optional<char> from;             // 'C' or 'S': the event's "from" field
    std::optional<expect::TextMatch> text;  // a pattern searched in the event's "text" field

    bool fits(const trace::Event& event) const;
    std::string describe() const;  // "smtp line at hamburger.edu from S matching /^250/"
};

struct QuizQuestion {
    enum class Kind { Choice, ShortAnswer };

    SourceLocation where;
    QuizEvent before;
    std::string question;
    Kind kind = Kind::Choice;
    std::vector<std::string> choices;
    std::vector<std::size_t> correct;   // indices into choices, ascending
    std::vector<std::string> answers;   // short answer: accepted, compared ignoring case and outer spaces
    std::string pattern;                // short answer: also accepted when this (case-insensitive) pattern is found
    std::shared_ptr<const std::regex> patternRegex;
    std::string explanation;
};

// "a", "b, c", "2": the choices a reply names, as ascending indices; nullopt
// when it names none or one that does not exist.
std::optional<std::vector<std::size_t>> readChoices(const QuizQuestion& question, std::string_view reply);

// A choice question is answered right by naming exactly its correct choices.
// Throws nothing; a reply that names no choice is wrong.
bool isCorrect(const QuizQuestion& question, std::string_view reply);

// "a", "b"...: the label of a choice.
std::string choiceLabel(std::size_t index);

// The right answer in words: "b) 550 ..." or "'passive' (or PASV...)".
std::string rightAnswer(const QuizQuestion& question);

}  // namespace netstage::scenario
