#include "simulator/scenario/quiz_spec.hpp"

#include <algorithm>
#include <cctype>

namespace netstage::scenario {

namespace {

std::string trimmedLower(std::string_view text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    std::string out{text.substr(begin, end - begin)};
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

bool QuizEvent::fits(const trace::Event& event) const {
    if (event.layer != layer || event.type != type) return false;
    if (node && event.node != *node) return false;
    if (from && event.text("from") != std::string(1, *from)) return false;
    if (line && (event.field("text") == nullptr || event.text("text") != *line)) return false;
    if (text && (event.field("text") == nullptr || !text->test(event.text("text")))) return false;
    return true;
}

std::string QuizEvent::describe() const {
    std::string out = layer + " " + type;
    if (node) out += " at " + *node;
    if (from) out += std::string{" from "} + *from;
    if (line) out += " '" + *line + "'";
    if (text) out += " matching " + text->describe();
    return out;
}

std::string choiceLabel(std::size_t index) {
    return std::string(1, static_cast<char>('a' + index));
}

std::optional<std::vector<std::size_t>> readChoices(const QuizQuestion& question, std::string_view reply) {
    std::vector<std::size_t> picked;
    std::string token;
    auto flush = [&]() -> bool {
        if (token.empty()) return true;
        std::size_t index = question.choices.size();
        if (token.size() == 1 && token[0] >= 'a' && token[0] <= 'z') {
            index = static_cast<std::size_t>(token[0] - 'a');
        } else if (std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }) && token.size() <= 3) {
            const std::size_t number = std::stoul(token);
            index = number == 0 ? question.choices.size() : number - 1;
        }
        token.clear();
        if (index >= question.choices.size()) return false;
        picked.push_back(index);
        return true;
    };
    for (const char c : trimmedLower(reply)) {
        if (c == ',' || c == ' ' || c == '\t' || c == ')') {
            if (!flush()) return std::nullopt;
        } else {
            token += c;
        }
    }
    if (!flush() || picked.empty()) return std::nullopt;
    std::sort(picked.begin(), picked.end());
    picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    return picked;
}

bool isCorrect(const QuizQuestion& question, std::string_view reply) {
    if (question.kind == QuizQuestion::Kind::Choice) {
        const auto picked = readChoices(question, reply);
        return picked && *picked == question.correct;
    }
    const std::string answer = trimmedLower(reply);
    if (answer.empty()) return false;
    for (const auto& accepted : question.answers) {
        if (trimmedLower(accepted) == answer) return true;
    }
    return question.patternRegex && std::regex_search(answer, *question.patternRegex);
}

std::string rightAnswer(const QuizQuestion& question) {
    std::string out;
    if (question.kind == QuizQuestion::Kind::Choice) {
        for (const std::size_t i : question.correct) {
            out += (out.empty() ? "" : "; ") + choiceLabel(i) + ") " + question.choices[i];
        }
        return out;
    }
    for (const auto& a : question.answers) out += (out.empty() ? "'" : ", or '") + a + "'";
    if (!question.pattern.empty()) out += (out.empty() ? "" : ", or ") + std::string{"an answer matching /"} + question.pattern + "/";
    return out;
}

}  // namespace netstage::scenario
