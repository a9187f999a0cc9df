#pragma once
// A simulated host's own files, as the programs a student runs there see
// them: what `get` downloads to and `put` uploads from. They live in memory
// with the world; nothing is ever read from or written to the real disk.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::programs {

class LocalFiles {
public:
    // A file name: not empty, no '/', not "." or "..", no control characters.
    static bool validName(std::string_view name);

    bool exists(const std::string& name) const { return files_.contains(name); }
    // The file's bytes; nullopt if there is no such file.
    std::optional<std::string> read(const std::string& name) const;
    // Creates or replaces the file. Throws std::invalid_argument for a name validName refuses.
    void write(const std::string& name, std::string content);
    // False if there was no such file.
    bool remove(const std::string& name);
    // The names, sorted.
    std::vector<std::string> names() const;
    std::size_t size(const std::string& name) const;

private:
    std::map<std::string, std::string> files_;
};

}  // namespace netstage::programs
