#include <ostream>

#include "cli/commands.hpp"
#include "cli/output_paths.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"

namespace netstage::cli {

int runScenarioCommand(const ScenarioOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<NamedPath> outputs;
    if (options.tracePath) outputs.push_back({"--trace", *options.tracePath});
    if (options.pcapPath) outputs.push_back({"--pcap", *options.pcapPath});
    if (const auto collision = outputCollision({{"scenario", options.path}}, outputs)) {
        err << "netstage run: " << *collision << '\n';
        return 2;
    }
    try {
        const scenario::ScenarioSpec spec = scenario::loadScenarioFile(options.path);
        scenario::RunOptions run;
        run.seed = options.seed;
        run.tracePath = options.tracePath;
        run.pcapPath = options.pcapPath;
        run.pcapAtNode = options.pcapAtNode;
        const scenario::ScenarioRun result = scenario::runScenario(spec, run);
        if (options.transcript) {
            bool first = true;
            for (const auto& block : result.transcript) {
                if (!first) out << '\n';
                first = false;
                out << block.text();
            }
            // The dialogues cannot show what never happened: say it beside them, on standard error.
            for (const auto& problem : result.summary.problems) {
                err << "netstage run: " << problem.who << ": " << problem.what << '\n';
            }
        } else {
            out << scenario::formatSummary(spec, result.summary);
        }
        return 0;
    } catch (const scenario::ScenarioError& e) {
        err << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        err << "netstage: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace netstage::cli
