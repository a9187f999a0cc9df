#pragma once
// Helpers for tests that run the scenario library.

#include <string>
#include <vector>

#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::test_support {

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
