#pragma once
// A folder of its own for a test: made fresh under the system's temporary
// directory with a unique name (mkdtemp), and removed with everything in it
// when the object goes. Two test runs at once never share a folder, and no
// run leaves files behind.

#include <filesystem>
#include <string>
#include <string_view>

namespace netstage::test_support {

class TempDir {
public:
    explicit TempDir(std::string_view prefix = "netstage-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // A path inside the folder; the file itself is not created.
    std::filesystem::path file(std::string_view name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// One folder for the whole test program, removed when the program exits.
const TempDir& programTempDir();

// A file's whole contents, or an empty string when it cannot be read.
std::string slurp(const std::filesystem::path& path);

}  // namespace netstage::test_support
