#pragma once
// Helpers for tests that run the scenario library.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::test_support {

// Every scenario of the library (scenarios/*.yaml), by name, in name order: a
// test over all of them covers a new one without being told.
inline std::vector<std::string> scenarioNames() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator{sourceDir() / "scenarios"}) {
        if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// "07b-smtp-bounce" -> "07b_smtp_bounce": a scenario's name as a test name.
inline std::string testNameOf(std::string scenario) {
    for (char& c : scenario) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return scenario;
}

inline std::filesystem::path goldenTranscriptPath(const std::string& name) {
    return sourceDir() / "tests" / "golden" / (name + ".transcript");
}

inline std::string transcriptText(const std::vector<trace::TranscriptBlock>& blocks) {
    return trace::Transcript{blocks, {}}.text();
}

inline const trace::TranscriptBlock* findBlock(const std::vector<trace::TranscriptBlock>& blocks, const std::string& protocol,
                                               const std::string& client, const std::string& server) {
    for (const auto& block : blocks) {
        if (block.protocol == protocol && block.client == client && block.server == server) return &block;
    }
    return nullptr;
}

}  // namespace netstage::test_support
