// Runs a fuzz target over stored inputs, without libFuzzer, so the corpus is a
// plain regression test under any compiler:
//
//   smtp_server_replay fuzz/corpus/smtp_server [more files or directories]
//
// Every file given, and every regular file in every directory given (sorted,
// not recursive), is passed once to LLVMFuzzerTestOneInput. A crash or a
// broken oracle ends the process abnormally; a path that does not exist, or no
// input at all, is an error too, so a test can never pass by running nothing.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::filesystem::path> inputsUnder(const std::filesystem::path& path) {
    if (!std::filesystem::is_directory(path)) return {path};
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator{path}) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool runOne(const std::filesystem::path& file) {
    std::ifstream in{file, std::ios::binary};
    if (!in) {
        std::cerr << "cannot read " << file.string() << '\n';
        return false;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    // A copy of exactly `size` bytes, so a read past the end is caught by ASan
    // in a sanitizer build as it would be under libFuzzer.
    std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(input.data(), input.size());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t ran = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path{argv[i]};
        if (!std::filesystem::exists(path)) {
            std::cerr << "no such file or directory: " << path.string() << '\n';
            return 2;
        }
        for (const auto& file : inputsUnder(path)) {
            if (!runOne(file)) return 2;
            ++ran;
        }
    }
    if (ran == 0) {
        std::cerr << "no inputs to replay\n";
        return 2;
    }
    std::cout << "replayed " << ran << " inputs\n";
    return 0;
}
