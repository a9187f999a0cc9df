// The quiz: what the loader accepts and refuses (at file:line:column), where
// each question falls in a run, and how answers are graded.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "simulator/scenario/quiz_run.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/scenario/scenario_error_text.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::scenario;
using netstage::test_support::scenarioErrorFor;

namespace {

// Scenario 01 without its expectations and quiz, so a test's quiz: comes right after.
std::string base01() {
    std::string text = test_support::slurp(test_support::sourceDir() / "scenarios" / "01-smtp-alice-to-bob.yaml");
    if (const auto at = text.find("\nexpect:"); at != std::string::npos) text.resize(at + 1);
    return text;
}

// The line where text appended to base01() starts.
int appendedLine() {
    const std::string text = base01();
    return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
}

std::string at(int lineOffset, int column) {
    return "q.yaml:" + std::to_string(appendedLine() + lineOffset) + ":" + std::to_string(column) + ": ";
}

const char* const kRcptChoice = R"(quiz:
  - before: {layer: smtp, type: line, node: hamburger.edu, from: S, matches: "Recipient"}
    question: "What does hamburger.edu answer to RCPT TO?"
    choices: ["250 accepted", "550 refused"]
    correct: "250 accepted"
    explanation: "Bob is a user there."
)";

const char* const kStoredShort = R"(  - before: {layer: mail, type: stored, node: hamburger.edu}
    question: "Which protocol will Bob use to fetch it?"
    answers: [POP3, "post office protocol"]
    pattern: "^pop ?3$"
)";

}  // namespace

TEST(QuizLoader, ReadsChoiceAndShortAnswerQuestions) {
    const ScenarioSpec spec = loadScenarioText(base01() + kRcptChoice + kStoredShort, "q.yaml");
    ASSERT_EQ(spec.quiz.size(), 2u);
    const QuizQuestion& choice = spec.quiz[0];
    EXPECT_EQ(choice.kind, QuizQuestion::Kind::Choice);
    EXPECT_EQ(choice.where.line, appendedLine() + 1);
    EXPECT_EQ(choice.before.layer, "smtp");
    EXPECT_EQ(choice.before.node, "hamburger.edu");
    EXPECT_EQ(choice.before.from, 'S');
    EXPECT_EQ(choice.choices, (std::vector<std::string>{"250 accepted", "550 refused"}));
    EXPECT_EQ(choice.correct, (std::vector<std::size_t>{0}));
    EXPECT_EQ(choice.explanation, "Bob is a user there.");
    const QuizQuestion& shortAnswer = spec.quiz[1];
    EXPECT_EQ(shortAnswer.kind, QuizQuestion::Kind::ShortAnswer);
    EXPECT_EQ(shortAnswer.answers, (std::vector<std::string>{"POP3", "post office protocol"}));
    ASSERT_TRUE(shortAnswer.patternRegex);
}

TEST(QuizLoader, RefusesAMistakeAtItsPlace) {
    const std::string base = base01() + "quiz:\n";
    const std::string before = "  - before: {layer: smtp, type: line, node: hamburger.edu}\n";
    EXPECT_EQ(scenarioErrorFor(base + "  - before: {layer: smtp, type: line, node: burger.edu}\n    question: q\n    answers: [a]\n", "q.yaml"),
              at(1, 45) + "unknown host or router 'burger.edu'");
    EXPECT_EQ(scenarioErrorFor(base + "  - before: {layer: smpt, type: line}\n    question: q\n    answers: [a]\n", "q.yaml").rfind(at(1, 21) + "unknown trace layer 'smpt'", 0), 0u);
    EXPECT_EQ(scenarioErrorFor(base + "  - before: {layer: smtp, type: line, matches: \"(\"}\n    question: q\n    answers: [a]\n", "q.yaml")
                  .rfind(at(1, 48) + "the pattern /(/ does not compile", 0),
              0u);
    EXPECT_EQ(scenarioErrorFor(base + before + "    question: q\n    pattern: \"[a\"\n", "q.yaml").rfind(at(3, 14) + "the pattern /[a/ does not compile", 0), 0u);
    EXPECT_EQ(scenarioErrorFor(base + before + "    question: q\n    choices: [x, y]\n", "q.yaml"),
              at(1, 5) + "a question with choices needs 'correct': the right choice (its text), or a list of them");
    EXPECT_EQ(scenarioErrorFor(base + before + "    question: q\n    choices: [x, y]\n    correct: z\n", "q.yaml"), at(4, 14) + "'z' is not one of the choices");
    EXPECT_EQ(scenarioErrorFor(base + before + "    question: q\n    choices: [x]\n    correct: x\n", "q.yaml"), at(3, 14) + "expected a list of at least two choices");
    EXPECT_EQ(scenarioErrorFor(base + before + "    question: q\n", "q.yaml"),
              at(1, 5) + "a quiz question needs either 'choices' (with 'correct') or 'answers'/'pattern' (a short answer), not both or neither");
    EXPECT_EQ(scenarioErrorFor(base + before + "    question: q\n    choices: [x, y]\n    correct: x\n    answers: [x]\n", "q.yaml"),
              at(1, 5) + "a quiz question needs either 'choices' (with 'correct') or 'answers'/'pattern' (a short answer), not both or neither");
    EXPECT_EQ(scenarioErrorFor(base + before + "    question: q\n    answers: [a]\n    hint: h\n", "q.yaml").rfind(at(4, 5), 0), 0u);
    EXPECT_EQ(scenarioErrorFor(base + "  - before: {layer: smtp, type: line, from: X}\n    question: q\n    answers: [a]\n", "q.yaml"),
              at(1, 45) + "expected C (the client's line) or S (the server's), found 'X'");
}

TEST(QuizRun, PlacesEachQuestionBeforeTheEventItNames) {
    const ScenarioSpec spec = loadScenarioText(base01() + kRcptChoice + kStoredShort, "q.yaml");
    const QuizRun run = runQuiz(spec);
    ASSERT_EQ(run.stops.size(), 2u);
    const auto& rcpt = std::get<trace::Event>(run.log.records[run.stops[0].record]);
    EXPECT_EQ(run.stops[0].question, 0u);
    EXPECT_EQ(rcpt.node, "hamburger.edu");
    EXPECT_EQ(rcpt.text("text"), "250 bob@hamburger.edu ... Recipient ok");
    EXPECT_EQ(describeEvent(rcpt), "S: 250 bob@hamburger.edu ... Recipient ok");
    // The event just before it is the command it answers: the run pauses between the two.
    const auto& previous = std::get<trace::Event>(run.log.records[run.stops[0].record - 1]);
    EXPECT_EQ(describeEvent(previous), "C: RCPT TO: <bob@hamburger.edu>");
    const auto& stored = std::get<trace::Event>(run.log.records[run.stops[1].record]);
    EXPECT_TRUE(stored.is("mail", "stored"));
    EXPECT_EQ(run.stops[1].time, stored.time);
    EXPECT_LT(run.stops[0].record, run.stops[1].record);
}

TEST(QuizRun, AsksInTraceOrderWhateverTheFileOrder) {
    const std::string reversed = std::string{"quiz:\n"} + kStoredShort + std::string{kRcptChoice}.substr(6);
    const QuizRun run = runQuiz(loadScenarioText(base01() + reversed, "q.yaml"));
    ASSERT_EQ(run.stops.size(), 2u);
    EXPECT_EQ(run.stops[0].question, 1u);  // RCPT TO's reply comes first in the run
    EXPECT_EQ(run.stops[1].question, 0u);
}

TEST(QuizRun, RefusesAQuestionWhoseEventNeverHappens) {
    const std::string quiz = std::string{kRcptChoice} +
                             "  - before: {layer: mail, type: bounced, node: crepes.fr}\n    question: q\n    answers: [a]\n"
                             "  - before: {layer: smtp, type: line, line: \"EHLO crepes.fr\"}\n    question: q\n    answers: [a]\n";
    const ScenarioSpec spec = loadScenarioText(base01() + quiz, "q.yaml");
    try {
        runQuiz(spec);
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(std::string{e.what()}, at(6, 5) +
                                             "this quiz question waits for an event that never happens in the run (mail bounced at crepes.fr); "
                                             "the run ended at " + quizTime(runQuiz(loadScenarioText(base01() + kRcptChoice, "q.yaml")).log.end) +
                                             "; nor do the events of the questions at line " + std::to_string(appendedLine() + 9));
    }
}

TEST(QuizRun, QuizzesDoNotChangeTheRun) {
    const QuizRun with = runQuiz(loadScenarioText(base01() + kRcptChoice, "q.yaml"));
    ScenarioSpec without = loadScenarioText(base01(), "q.yaml");
    without.quiz = {};
    const QuizRun plain = runQuiz(without);
    EXPECT_TRUE(with.log == plain.log);
}

TEST(QuizAnswers, GradesChoicesByLetterOrNumberAndShortAnswersIgnoringCase) {
    QuizQuestion choice;
    choice.choices = {"x", "y", "z"};
    choice.correct = {0, 2};
    EXPECT_TRUE(isCorrect(choice, "a, c"));
    EXPECT_TRUE(isCorrect(choice, " C a "));
    EXPECT_TRUE(isCorrect(choice, "1,3"));
    EXPECT_FALSE(isCorrect(choice, "a"));
    EXPECT_FALSE(isCorrect(choice, "a, b, c"));
    EXPECT_FALSE(readChoices(choice, "d").has_value());
    EXPECT_FALSE(readChoices(choice, "").has_value());
    EXPECT_FALSE(readChoices(choice, "yes").has_value());
    EXPECT_EQ(rightAnswer(choice), "a) x; c) z");

    const ScenarioSpec spec = loadScenarioText(base01() + "quiz:\n" + kStoredShort, "q.yaml");
    const QuizQuestion& shortAnswer = spec.quiz[0];
    EXPECT_TRUE(isCorrect(shortAnswer, "pop3"));
    EXPECT_TRUE(isCorrect(shortAnswer, "  Post Office Protocol "));
    EXPECT_TRUE(isCorrect(shortAnswer, "POP 3"));  // by the pattern
    EXPECT_FALSE(isCorrect(shortAnswer, "imap"));
    EXPECT_FALSE(isCorrect(shortAnswer, "pop3 or imap"));
    EXPECT_FALSE(isCorrect(shortAnswer, ""));
}

TEST(QuizShipped, EveryShippedQuizPlacesAllItsQuestions) {
    std::size_t quizzes = 0;
    for (const auto& entry : std::filesystem::directory_iterator{test_support::sourceDir() / "scenarios"}) {
        if (entry.path().extension() != ".yaml") continue;
        const ScenarioSpec spec = loadScenarioFile(entry.path().string());
        if (spec.quiz.empty()) continue;
        ++quizzes;
        EXPECT_EQ(runQuiz(spec).stops.size(), spec.quiz.size()) << entry.path();
    }
    EXPECT_GE(quizzes, 4u);
}
