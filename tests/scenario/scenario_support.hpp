#pragma once
// Helpers for tests that run the scenario library.

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"

namespace netstage::test_support {

inline std::filesystem::path sourceDir() {
    const char* dir = std::getenv("NETSTAGE_SOURCE_DIR");
    return dir ? std::filesystem::path{dir} : std::filesystem::path{NETSTAGE_SOURCE_DIR_FALLBACK};
}

inline std::string scenarioPath(const std::string& name) { return (sourceDir() / "scenarios" / (name + ".yaml")).string(); }

inline std::string transcriptText(const std::vector<trace::TranscriptBlock>& blocks) {
    std::string out;
    for (const auto& block : blocks) {
        if (!out.empty()) out += '\n';
        out += block.text();
    }
    return out;
}

inline const trace::TranscriptBlock* findBlock(const std::vector<trace::TranscriptBlock>& blocks, const std::string& protocol,
                                               const std::string& client, const std::string& server) {
    for (const auto& block : blocks) {
        if (block.protocol == protocol && block.client == client && block.server == server) return &block;
    }
    return nullptr;
}

}  // namespace netstage::test_support
