#pragma once
// The repository's own files (scenarios, docs, golden transcripts) as a test
// reads them. ctest sets NETSTAGE_SOURCE_DIR; a test binary run by hand falls
// back to the source folder it was built from.

#include <filesystem>
#include <string>
#include <string_view>

namespace netstage::test_support {

std::filesystem::path sourceDir();
// A path under the source folder: sourcePath("docs/smtp.md").
std::filesystem::path sourcePath(std::string_view relative);
// scenarios/<name>.yaml
std::string scenarioPath(std::string_view name);
// A source file's whole text; throws std::runtime_error naming the file when it cannot be read,
// so a missing file fails the test with its name instead of comparing against nothing.
std::string readSourceFile(std::string_view relative);

}  // namespace netstage::test_support
