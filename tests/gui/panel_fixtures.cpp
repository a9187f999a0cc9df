#include "tests/gui/panel_fixtures.hpp"

#include <stdexcept>
#include <string>
#include <variant>

#include "simulator/scenario/run_scenario.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::gui::testing {

const trace::TraceLog& scenario01Log() {
    static const trace::TraceLog log = [] {
        const std::string path = test_support::scenarioPath("01-smtp-alice-to-bob");
        auto result = scenario::runScenarioToLog(path);
        if (auto* error = std::get_if<scenario::ScenarioError>(&result)) {
            throw std::runtime_error{"scenario 01 does not run: " + std::string{error->what()}};
        }
        return std::get<trace::TraceLog>(std::move(result));
    }();
    return log;
}

}  // namespace netstage::gui::testing
