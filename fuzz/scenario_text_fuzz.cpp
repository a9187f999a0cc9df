// The scenario loader over text (YAML). Oracle: it returns a scenario or
// throws ScenarioError, its documented way of saying no; any other
// exception escapes and is reported as a crash.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "simulator/scenario/scenario_error.hpp"
#include "simulator/scenario/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    try {
        scenario::loadScenarioText(std::string_view{reinterpret_cast<const char*>(data), size}, "fuzz.yaml");
    } catch (const scenario::ScenarioError&) {
        // The loader's one way of refusing a scenario.
    }
    return 0;
}
