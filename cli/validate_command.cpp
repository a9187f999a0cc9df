#include <ostream>

#include "cli/commands.hpp"
#include "simulator/scenario/run_summary.hpp"
#include "simulator/scenario/scenario_loader.hpp"

namespace netstage::cli {

int validateScenario(const ScenarioOptions& options, std::ostream& out, std::ostream& err) {
    try {
        const scenario::ScenarioSpec spec = scenario::loadScenarioFile(options.path);
        using scenario::countOf;
        out << options.path << ": ok: \"" << spec.title << "\", " << countOf(spec.hosts.size(), "host") << ", "
            << countOf(spec.routers.size(), "router") << ", " << countOf(spec.links.size(), "link") << ", "
            << countOf(spec.mailServers.size(), "mail server") << ", " << countOf(spec.userAgents.size(), "user agent")
            << ", seed " << spec.seed << '\n';
        return 0;
    } catch (const scenario::ScenarioError& e) {
        err << e.what() << '\n';
        return 2;
    }
}

}  // namespace netstage::cli
