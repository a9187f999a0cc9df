#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace netstage::cli {

struct ScenarioOptions {
    std::string path;
};

// Loads and checks a scenario; prints what it holds, or the error as
// "file:line:column: message". Returns the process exit status.
int validateScenario(const ScenarioOptions& options, std::ostream& out, std::ostream& err);

}  // namespace netstage::cli
