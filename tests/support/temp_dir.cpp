#include "tests/support/temp_dir.hpp"

#include <stdlib.h>  // mkdtemp

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace netstage::test_support {

TempDir::TempDir(std::string_view prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / prefix).string() + "-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary folder from " + pattern);
    }
    path_ = buffer.data();
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

const TempDir& programTempDir() {
    static const TempDir dir{"netstage-tests"};
    return dir;
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace netstage::test_support
