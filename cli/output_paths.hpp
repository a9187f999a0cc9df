#pragma once
// The files a command is asked to write, checked before anything is written:
// no output may be one of the inputs (`--trace s.yaml` would overwrite the
// scenario just read), and no two outputs may be the same file (`--trace X
// --pcap X` would mix two formats in one file). Paths are compared as files,
// not as text: `./run.pcap`, `run.pcap` and a link to it are one file.
// `netstage run`, `demo` and `msc -o` all come through here.

#include <optional>
#include <string>
#include <vector>

namespace netstage::cli {

struct NamedPath {
    std::string option;  // how the user gave it: "--trace", "-o", "scenario"
    std::string path;
};

// The first collision in plain words ("--trace and --pcap are the same file
// (run.out)"), or nothing when every output is a file of its own.
std::optional<std::string> outputCollision(const std::vector<NamedPath>& inputs, const std::vector<NamedPath>& outputs);

// Whether two paths name the same file: the same inode when both exist,
// otherwise the same absolute, normalised path.
bool sameFile(const std::string& a, const std::string& b);

}  // namespace netstage::cli
