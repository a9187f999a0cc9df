#include "gui/quiz/quiz_loading.hpp"

#include "gui/quiz/quiz_pauser.hpp"
#include "simulator/scenario/scenario_loader.hpp"

namespace netstage::gui {

std::optional<LoadError> loadQuiz(QuizPauser& pauser, const std::string& path, const trace::TraceLog& log) {
    pauser.clear();
    if (!path.ends_with(".yaml") && !path.ends_with(".yml")) return std::nullopt;
    try {
        scenario::ScenarioSpec spec = scenario::loadScenarioFile(path);
        if (spec.quiz.empty()) return std::nullopt;
        auto stops = scenario::placeQuestions(spec.quiz, log);
        pauser.setQuiz(std::move(spec.quiz), std::move(stops), log);
    } catch (const scenario::ScenarioError& e) {
        const auto& where = e.where();
        return LoadError{where.file.empty() ? path : where.file, where.line, where.column, e.message() + " (the run plays without its quiz)", {}};
    } catch (const std::exception& e) {
        return LoadError{path, 0, 0, e.what(), {}};
    }
    return std::nullopt;
}

}  // namespace netstage::gui
