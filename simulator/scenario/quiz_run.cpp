#include "simulator/scenario/quiz_run.hpp"

#include <algorithm>

#include "simulator/scenario/world.hpp"
#include "simulator/trace/recorder.hpp"

namespace netstage::scenario {

std::string quizTime(Time t) {
    const std::int64_t ms = t.nanoseconds() / 1'000'000;
    std::string frac = std::to_string(ms % 1000);
    return std::to_string(ms / 1000) + "." + std::string(3 - frac.size(), '0') + frac + " s";
}

std::vector<QuizStop> placeQuestions(const std::vector<QuizQuestion>& quiz, const trace::TraceLog& log) {
    std::vector<QuizStop> stops;
    std::vector<std::size_t> missing;
    for (std::size_t q = 0; q < quiz.size(); ++q) {
        bool placed = false;
        for (std::size_t r = 0; r < log.records.size() && !placed; ++r) {
            const auto* event = std::get_if<trace::Event>(&log.records[r]);
            if (event == nullptr || !quiz[q].before.fits(*event)) continue;
            stops.push_back({q, r, event->time});
            placed = true;
        }
        if (!placed) missing.push_back(q);
    }
    if (!missing.empty()) {
        const QuizQuestion& first = quiz[missing.front()];
        std::string message = "this quiz question waits for an event that never happens in the run (" + first.before.describe() +
                              "); the run ended at " + quizTime(log.end);
        if (missing.size() > 1) {
            message += "; nor do the events of the questions at line";
            for (std::size_t i = 1; i < missing.size(); ++i) {
                message += (i == 1 ? " " : ", ") + std::to_string(quiz[missing[i]].where.line);
            }
        }
        throw ScenarioError{first.where, message};
    }
    std::stable_sort(stops.begin(), stops.end(), [](const QuizStop& a, const QuizStop& b) { return a.record < b.record; });
    return stops;
}

QuizRun runQuiz(const ScenarioSpec& spec) {
    trace::Tracer tracer;
    trace::Recorder recorder;
    tracer.addSink(recorder);
    World world{spec, tracer};
    world.run();
    QuizRun out;
    out.log = recorder.log();
    out.stops = placeQuestions(spec.quiz, out.log);
    out.transcript = trace::buildTranscript(out.log);
    return out;
}

std::string describeEvent(const trace::Event& event) {
    if (event.type == "line" && event.field("text") != nullptr) return event.text("from") + ": " + event.text("text");
    std::string out = event.layer + " " + event.type;
    std::string fields;
    for (const auto& [name, value] : event.fields) {
        // Addresses and ports say little to a student; an empty field says nothing.
        if (name == "connection" || event.text(name).empty()) continue;
        fields += (fields.empty() ? "" : ", ") + name + "=" + event.text(name);
    }
    return fields.empty() ? out : out + ": " + fields;
}

}  // namespace netstage::scenario
