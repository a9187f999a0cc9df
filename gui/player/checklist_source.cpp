#include "gui/player/checklist_source.hpp"

#include "gui/model/document_source.hpp"

#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
#include "simulator/scenario/check_run.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/teacher_file.hpp"
#endif

namespace netstage::gui {

#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
namespace {

std::optional<Checklist> ownExpectations(const std::string& path) {
    const scenario::ScenarioSpec spec = scenario::loadScenarioFile(path);
    if (spec.expectations.empty()) return std::nullopt;
    scenario::CheckedRun run = scenario::checkScenario(spec);
    Checklist out;
    out.records = run.records;
    for (std::size_t i = 0; i < spec.expectations.size(); ++i) {
        const auto& e = spec.expectations[i];
        out.entries.push_back({e.describe(), e.note, e.where.toString(), std::move(run.results[i])});
    }
    return out;
}

std::optional<Checklist> teachersExpectations(const std::string& path, const scenario::TeacherFile& teacher) {
    const scenario::ScenarioSpec spec = scenario::loadScenarioFile(path);
    Checklist out;
    // How the scenario is written is known before it runs: decided from the start.
    for (const auto& constraint : teacher.constraints) {
        expect::ExpectationResult result = scenario::checkConstraint(constraint, spec);
        result.time = Time::zero();
        out.entries.push_back({constraint.describe(), constraint.note, constraint.where.toString(), std::move(result)});
    }
    std::vector<expect::Expectation> expectations;
    try {
        expectations = scenario::teacherExpectationsFor(teacher, spec);
    } catch (const scenario::ScenarioError& e) {
        // A name the student's scenario lacks: one failure the class can read, as the grader reports it.
        expect::ExpectationResult broken;
        broken.expected = "the teacher's expectations apply to this scenario";
        broken.actual = e.what();
        broken.time = Time::zero();
        out.entries.push_back({broken.expected, {}, teacher.path, std::move(broken)});
        return out;
    }
    scenario::CheckedRun run = scenario::checkScenario(spec, expectations);
    out.records = run.records;
    for (std::size_t i = 0; i < expectations.size(); ++i) {
        const auto& e = expectations[i];
        out.entries.push_back({e.describe(), e.note, e.where.toString(), std::move(run.results[i])});
    }
    return out;
}

}  // namespace
#endif

ChecklistSource defaultChecklistSource(std::optional<std::string> against) {
    return [against](const std::string& path) -> std::optional<Checklist> {
#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
        if (!isScenarioPath(path)) return std::nullopt;
        try {
            if (!against) return ownExpectations(path);
            return teachersExpectations(path, scenario::loadTeacherFile(*against));
        } catch (const std::exception&) {
            // The trace source reports a scenario that does not load or run;
            // main() refused a teacher's file that does not load.
            return std::nullopt;
        }
#else
        (void)path;
        return std::nullopt;
#endif
    };
}

std::optional<std::string> teacherFileError(const std::string& path) {
#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
    try {
        scenario::loadTeacherFile(path);
        return std::nullopt;
    } catch (const std::exception& e) {
        return std::string{e.what()};
    }
#else
    return path + ": this build cannot run scenarios, so it cannot check them either";
#endif
}

}  // namespace netstage::gui
