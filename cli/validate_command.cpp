#include <ostream>

#include "cli/commands.hpp"
#include "simulator/scenario/scenario_loader.hpp"

namespace netstage::cli {

int validateScenario(const ScenarioOptions& options, std::ostream& out, std::ostream& err) {
    try {
        const scenario::ScenarioSpec spec = scenario::loadScenarioFile(options.path);
        out << options.path << ": ok: \"" << spec.title << "\", " << spec.hosts.size() << " hosts, " << spec.routers.size()
            << " routers, " << spec.links.size() << " links, " << spec.mailServers.size() << " mail servers, "
            << spec.userAgents.size() << " user agents, seed " << spec.seed << '\n';
        return 0;
    } catch (const scenario::ScenarioError& e) {
        err << e.what() << '\n';
        return 2;
    }
}

}  // namespace netstage::cli
