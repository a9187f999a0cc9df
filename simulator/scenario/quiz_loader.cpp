#include "simulator/scenario/quiz_loader.hpp"

#include <algorithm>
#include <set>

namespace netstage::scenario {

namespace {

// The layers that write trace events (docs/trace-events.md); a misspelt one would never fire.
const std::set<std::string, std::less<>> kLayers{"scenario", "topology", "link", "tcp", "udp", "smtp", "pop3", "imap",
                                                 "ftp", "dns", "mail", "http", "bridge", "narration"};

std::shared_ptr<const std::regex> compile(const YamlValue& v, std::regex::flag_type flags) {
    const std::string text = v.asString();
    try {
        return std::make_shared<const std::regex>(text, flags);
    } catch (const std::regex_error& e) {
        v.fail("the pattern /" + text + "/ does not compile: " + e.what());
    }
}

QuizEvent readEvent(const YamlValue& v, const ScenarioSpec& names) {
    v.requireMap("the event a question comes before ({layer: ..., type: ..., node: ...})");
    v.allowOnly({"layer", "type", "node", "line", "from", "matches"});
    QuizEvent event;
    const auto layer = v.get("layer");
    event.layer = layer.asString();
    if (!kLayers.contains(event.layer)) {
        std::string known;
        for (const auto& l : kLayers) known += (known.empty() ? "" : ", ") + l;
        layer.fail("unknown trace layer '" + event.layer + "' (expected one of " + known + ")");
    }
    event.type = v.get("type").asString();
    if (auto n = v.find("node")) {
        const std::string node = n->asString();
        if (!names.hasNode(node)) n->fail("unknown host or router '" + node + "'");
        event.node = node;
    }
    if (auto l = v.find("line")) event.line = l->asString();
    if (auto f = v.find("from")) {
        const std::string from = f->asString();
        if (from != "C" && from != "S") f->fail("expected C (the client's line) or S (the server's), found '" + from + "'");
        event.from = from[0];
    }
    if (auto m = v.find("matches")) {
        const std::string text = m->asString();
        try {
            event.text = expect::TextMatch::matches(text);
        } catch (const std::regex_error& e) {
            m->fail("the pattern /" + text + "/ does not compile: " + e.what());
        }
    }
    return event;
}

void readChoices(const YamlValue& v, QuizQuestion& question) {
    const auto choices = v.get("choices");
    if (!choices.isSequence() || choices.size() < 2) choices.fail("expected a list of at least two choices");
    if (choices.size() > 26) choices.fail("expected at most 26 choices (a to z)");
    for (const auto& c : choices.items("choices")) question.choices.push_back(c.asString());
    const auto correct = v.find("correct");
    if (!correct) v.fail("a question with choices needs 'correct': the right choice (its text), or a list of them");
    for (const auto& item : correct->isSequence() ? correct->items("correct choices") : std::vector<YamlValue>{*correct}) {
        const std::string text = item.asString();
        const auto found = std::find(question.choices.begin(), question.choices.end(), text);
        if (found == question.choices.end()) item.fail("'" + text + "' is not one of the choices");
        question.correct.push_back(static_cast<std::size_t>(found - question.choices.begin()));
    }
    if (question.correct.empty()) correct->fail("expected at least one correct choice");
    std::sort(question.correct.begin(), question.correct.end());
    question.correct.erase(std::unique(question.correct.begin(), question.correct.end()), question.correct.end());
}

void readShortAnswer(const YamlValue& v, QuizQuestion& question) {
    question.kind = QuizQuestion::Kind::ShortAnswer;
    if (auto a = v.find("answers")) {
        question.answers = a->asStringList();
        for (const auto& answer : question.answers) {
            if (answer.find_first_not_of(" \t") == std::string::npos) a->fail("an accepted answer cannot be empty");
        }
    }
    if (auto p = v.find("pattern")) {
        question.pattern = p->asString();
        question.patternRegex = compile(*p, std::regex::ECMAScript | std::regex::icase);
    }
    if (question.answers.empty() && !question.patternRegex) {
        v.fail("a short-answer question needs 'answers' (accepted answers) or 'pattern'");
    }
}

QuizQuestion readQuestion(const YamlValue& v, const ScenarioSpec& names) {
    v.requireMap("a quiz question ({before: {...}, question: ..., choices: [...], correct: ...})");
    v.allowOnly({"before", "question", "choices", "correct", "answers", "pattern", "explanation"});
    QuizQuestion question;
    question.where = v.where();
    question.before = readEvent(v.get("before"), names);
    question.question = v.get("question").asString();
    if (question.question.empty()) v.get("question").fail("the question is empty");
    if (auto e = v.find("explanation")) question.explanation = e->asString();
    const bool choices = v.has("choices");
    const bool shortAnswer = v.has("answers") || v.has("pattern");
    if (choices == shortAnswer) {
        v.fail("a quiz question needs either 'choices' (with 'correct') or 'answers'/'pattern' (a short answer), not both or neither");
    }
    if (choices) readChoices(v, question);
    else {
        if (auto c = v.find("correct")) c->fail("'correct' belongs to a question with choices; a short answer lists 'answers'");
        readShortAnswer(v, question);
    }
    return question;
}

}  // namespace

std::vector<QuizQuestion> readQuiz(const YamlValue& list, const ScenarioSpec& names) {
    std::vector<QuizQuestion> out;
    for (const auto& item : list.items("quiz questions")) out.push_back(readQuestion(item, names));
    return out;
}

}  // namespace netstage::scenario
