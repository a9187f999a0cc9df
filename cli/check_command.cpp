#include "cli/check_command.hpp"

#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/output_paths.hpp"
#include "simulator/scenario/check_run.hpp"
#include "simulator/scenario/scenario_loader.hpp"

namespace netstage::cli {

namespace {

CheckedItem itemOf(const expect::ExpectationResult& result, const std::string& where, std::uint64_t points, const std::string& note) {
    CheckedItem item;
    item.where = where;
    item.expected = result.expected;
    item.actual = result.actual;
    item.note = note;
    item.passed = result.passed;
    item.points = points;
    item.time = result.time;
    item.record = result.record;
    return item;
}

}  // namespace

CheckedFile checkFile(const std::string& path, const scenario::TeacherFile* teacher) {
    CheckedFile file;
    file.path = path;
    if (teacher != nullptr) file.possiblePoints = teacher->totalPoints;
    try {
        const scenario::ScenarioSpec spec = scenario::loadScenarioFile(path);
        // Graded against a teacher's file, a student's own expectations do not count.
        const std::vector<expect::Expectation> expectations =
            teacher != nullptr ? scenario::teacherExpectationsFor(*teacher, spec) : spec.expectations;
        if (teacher != nullptr) {
            for (const auto& constraint : teacher->constraints) {
                file.items.push_back(itemOf(scenario::checkConstraint(constraint, spec), constraint.where.toString(), constraint.points, constraint.note));
            }
        }
        const scenario::CheckedRun run = scenario::checkScenario(spec, expectations);
        for (std::size_t i = 0; i < expectations.size(); ++i) {
            const auto& e = expectations[i];
            file.items.push_back(itemOf(run.results[i], e.where.toString(), e.points, e.note));
        }
    } catch (const scenario::ScenarioError& e) {
        file.items.clear();
        file.error = e.what();
    } catch (const std::exception& e) {
        file.items.clear();
        file.error = path + ": " + e.what();
    }
    return file;
}

int runCheckCommand(const CheckOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<NamedPath> inputs;
    for (const auto& f : options.files) inputs.push_back({"FILE", f});
    if (options.against) inputs.push_back({"--against", *options.against});
    if (options.outputPath) {
        if (const auto collision = outputCollision(inputs, {{"-o", *options.outputPath}})) {
            err << "netstage check: " << *collision << '\n';
            return 2;
        }
    }
    std::optional<scenario::TeacherFile> teacher;
    if (options.against) {
        try {
            teacher = scenario::loadTeacherFile(*options.against);
        } catch (const scenario::ScenarioError& e) {
            err << e.what() << '\n';
            return 2;
        }
    }
    CheckReport report;
    report.graded = teacher.has_value();
    report.against = options.against.value_or("");
    for (const auto& path : options.files) report.files.push_back(checkFile(path, teacher ? &*teacher : nullptr));

    std::ostringstream text;
    if (options.format == "json") writeJson(report, text);
    else if (options.format == "junit") writeJunit(report, text);
    else if (options.format == "csv") writeCsv(report, text);
    else writeText(report, text);
    if (options.outputPath) {
        std::ofstream file{*options.outputPath, std::ios::binary};
        file << text.str();
        if (!file.flush()) {
            err << "netstage check: cannot write " << *options.outputPath << '\n';
            return 2;
        }
        // The verdicts go to the file; a person at the terminal still sees the tally.
        if (options.format != "text") {
            std::size_t passed = 0;
            for (const auto& f : report.files) passed += f.passed() ? 1 : 0;
            err << "netstage check: " << passed << " of " << report.files.size() << " files passed; report in " << *options.outputPath << '\n';
        }
    } else {
        out << text.str();
    }
    return report.passed() ? 0 : 1;
}

}  // namespace netstage::cli
