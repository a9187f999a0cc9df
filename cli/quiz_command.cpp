#include "cli/quiz_command.hpp"

#include <algorithm>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <vector>

#include "simulator/scenario/quiz_run.hpp"
#include "simulator/scenario/scenario_loader.hpp"

namespace netstage::cli {

namespace {

using scenario::QuizQuestion;

void printIndented(std::ostream& out, const std::string& text, const std::string& indent) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out << indent << text.substr(start, end - start) << '\n';
        start = end + 1;
    }
}

// The transcript lines and captions between two records, the last `limit` of them.
void printContext(std::ostream& out, const scenario::QuizRun& run, std::size_t from, std::size_t to, std::size_t limit) {
    std::map<std::size_t, std::size_t> lineAt;  // record index -> message
    for (std::size_t m = 0; m < run.transcript.messages.size(); ++m) lineAt[run.transcript.messages[m].recordIndex] = m;
    std::vector<std::pair<std::optional<std::size_t>, std::string>> items;  // (block, text)
    for (std::size_t r = from; r < to; ++r) {
        if (const auto found = lineAt.find(r); found != lineAt.end()) {
            const auto& message = run.transcript.messages[found->second];
            items.emplace_back(message.block, message.display());
        } else if (const auto* event = std::get_if<trace::Event>(&run.log.records[r]); event && event->is("narration", "caption")) {
            items.emplace_back(std::nullopt, "[" + event->text("text") + "]");
        }
    }
    if (items.empty()) return;
    const std::size_t skip = items.size() > limit ? items.size() - limit : 0;
    out << "So far:\n";
    if (skip > 0) out << "  ... " << skip << " earlier line" << (skip == 1 ? "" : "s") << '\n';
    std::optional<std::size_t> block;
    for (std::size_t i = skip; i < items.size(); ++i) {
        const auto& [itemBlock, text] = items[i];
        if (itemBlock && itemBlock != block) out << "  " << run.transcript.blocks[*itemBlock].header() << '\n';
        if (itemBlock) block = itemBlock;
        out << "  " << text << '\n';
    }
}

void printQuestion(std::ostream& out, const QuizQuestion& question, std::size_t number, std::size_t count, Time time, bool markCorrect) {
    out << "Question " << number << " of " << count << " (the run is paused at " << scenario::quizTime(time) << ")\n";
    printIndented(out, question.question, "  ");
    for (std::size_t c = 0; c < question.choices.size(); ++c) {
        const bool right = std::find(question.correct.begin(), question.correct.end(), c) != question.correct.end();
        out << (markCorrect && right ? "  * " : "    ") << scenario::choiceLabel(c) << ") " << question.choices[c] << '\n';
    }
}

void printWhatHappened(std::ostream& out, const QuizQuestion& question, const trace::Event& event) {
    out << "What happened at " << scenario::quizTime(event.time) << (event.node.empty() ? "" : " on " + event.node) << ":\n";
    out << "  " << scenario::describeEvent(event) << '\n';
    if (!question.explanation.empty()) printIndented(out, question.explanation, "  ");
}

// Reads until a reply it can grade: a choice question asks again for a reply that names no choice.
std::optional<std::string> readAnswer(const QuizQuestion& question, std::istream& in, std::ostream& out) {
    for (;;) {
        out << (question.kind == QuizQuestion::Kind::Choice ? "Your answer (a letter; several: a, c): " : "Your answer: ") << std::flush;
        std::string reply;
        if (!std::getline(in, reply)) {
            out << '\n';
            return std::nullopt;
        }
        if (!reply.empty() && reply.back() == '\r') reply.pop_back();
        out << reply << '\n';  // echoed, so a piped session reads as it was answered
        if (question.kind == QuizQuestion::Kind::ShortAnswer) {
            if (reply.find_first_not_of(" \t") != std::string::npos) return reply;
            out << "Please type an answer.\n";
            continue;
        }
        if (scenario::readChoices(question, reply)) return reply;
        out << "Answer with a letter from a to " << scenario::choiceLabel(question.choices.size() - 1) << ".\n";
    }
}

void revealAll(std::ostream& out, const scenario::ScenarioSpec& spec, const scenario::QuizRun& run) {
    out << spec.title << ": " << run.stops.size() << " question" << (run.stops.size() == 1 ? "" : "s") << " with their answers\n";
    std::size_t number = 0;
    for (const auto& stop : run.stops) {
        const QuizQuestion& question = spec.quiz[stop.question];
        out << '\n';
        printQuestion(out, question, ++number, run.stops.size(), stop.time, true);
        out << "Answer: " << scenario::rightAnswer(question) << '\n';
        printWhatHappened(out, question, std::get<trace::Event>(run.log.records[stop.record]));
    }
}

}  // namespace

int runQuizCommand(const QuizOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    scenario::ScenarioSpec spec;
    scenario::QuizRun run;
    try {
        spec = scenario::loadScenarioFile(options.path);
        if (spec.quiz.empty()) {
            err << options.path << ": this scenario has no quiz (a top-level 'quiz:' list; see docs/quizzes.md)\n";
            return 2;
        }
        run = scenario::runQuiz(spec);
    } catch (const scenario::ScenarioError& e) {
        err << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        err << options.path << ": " << e.what() << '\n';
        return 2;
    }
    if (options.reveal) {
        revealAll(out, spec, run);
        return 0;
    }
    const std::size_t count = run.stops.size();
    out << spec.title << ": a quiz of " << count << " question" << (count == 1 ? "" : "s")
        << ". The run pauses before each event asked about.\n";
    std::size_t right = 0;
    std::size_t asked = 0;
    std::size_t from = 0;
    for (const auto& stop : run.stops) {
        const QuizQuestion& question = spec.quiz[stop.question];
        out << '\n';
        printContext(out, run, from, stop.record, options.context);
        from = stop.record;
        out << '\n';
        printQuestion(out, question, asked + 1, count, stop.time, false);
        const auto answer = readAnswer(question, in, out);
        if (!answer) {
            out << "No more answers: the quiz ends here.\n";
            break;
        }
        ++asked;
        const bool correct = scenario::isCorrect(question, *answer);
        right += correct ? 1 : 0;
        out << (correct ? "Right." : "Not quite. The answer: " + scenario::rightAnswer(question) + ".") << '\n';
        printWhatHappened(out, question, std::get<trace::Event>(run.log.records[stop.record]));
    }
    out << "\nScore: " << right << " of " << count << (asked < count ? " (" + std::to_string(count - asked) + " not answered)" : "") << '\n';
    return 0;
}

}  // namespace netstage::cli
