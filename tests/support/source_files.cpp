#include "tests/support/source_files.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace netstage::test_support {

std::filesystem::path sourceDir() {
    const char* dir = std::getenv("NETSTAGE_SOURCE_DIR");
    return dir != nullptr && *dir != '\0' ? std::filesystem::path{dir} : std::filesystem::path{NETSTAGE_SOURCE_DIR_FALLBACK};
}

std::filesystem::path sourcePath(std::string_view relative) { return sourceDir() / relative; }

std::string scenarioPath(std::string_view name) {
    return (sourceDir() / "scenarios" / (std::string{name} + ".yaml")).string();
}

std::string readSourceFile(std::string_view relative) {
    const std::filesystem::path path = sourcePath(relative);
    std::ifstream file{path, std::ios::binary};
    if (!file) throw std::runtime_error{"cannot read " + path.string()};
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace netstage::test_support
