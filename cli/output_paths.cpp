#include "cli/output_paths.hpp"

#include <filesystem>
#include <system_error>

namespace netstage::cli {

bool sameFile(const std::string& a, const std::string& b) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (fs::exists(a, error) && fs::exists(b, error)) {
        const bool same = fs::equivalent(a, b, error);
        if (!error) return same;
    }
    const fs::path canonicalA = fs::weakly_canonical(fs::absolute(a, error), error);
    const fs::path canonicalB = fs::weakly_canonical(fs::absolute(b, error), error);
    return canonicalA == canonicalB;
}

std::optional<std::string> outputCollision(const std::vector<NamedPath>& inputs, const std::vector<NamedPath>& outputs) {
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        for (const NamedPath& input : inputs) {
            if (sameFile(outputs[i].path, input.path)) {
                return outputs[i].option + " " + outputs[i].path + " is the " + input.option +
                       " file; writing it would destroy the input";
            }
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (sameFile(outputs[i].path, outputs[j].path)) {
                return outputs[j].option + " and " + outputs[i].option + " name the same file (" + outputs[i].path +
                       "); give each its own file";
            }
        }
    }
    return std::nullopt;
}

}  // namespace netstage::cli
