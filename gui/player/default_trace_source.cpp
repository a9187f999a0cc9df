#include "gui/player/default_trace_source.hpp"

#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
#include "simulator/scenario/run_scenario.hpp"
#endif

namespace netstage::gui {

namespace {
LoadResult runScenario(const std::string& path) {
#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
    try {
        auto result = scenario::runScenarioToLog(path);
        if (auto* error = std::get_if<scenario::ScenarioError>(&result)) {
            const auto& where = error->where();
            LoadError located{where.file.empty() ? path : where.file, where.line, where.column, error->message(), {}};
            located.quote = quoteLine(located.file, located.line);
            return located;
        }
        return std::get<trace::TraceLog>(std::move(result));
    } catch (const std::exception& e) {
        // A scenario that breaks the runner is still just a bad file here.
        return LoadError{path, 0, 0, e.what(), {}};
    }
#else
    return LoadError{path, 0, 0,
                     "this build cannot run scenarios; run it with `netstage run --trace out.jsonl` and open the trace",
                     {}};
#endif
}
}  // namespace

bool canRunScenarios() {
#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
    return true;
#else
    return false;
#endif
}

TraceSource defaultTraceSource() {
    return [](const std::string& path) -> LoadResult {
        if (isScenarioPath(path)) return runScenario(path);
        return readTraceFile(path);
    };
}

}  // namespace netstage::gui
