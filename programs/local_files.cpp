#include "programs/local_files.hpp"

#include <stdexcept>

namespace netstage::programs {

bool LocalFiles::validName(std::string_view name) {
    if (name.empty() || name == "." || name == ".." || name.size() > 255) return false;
    for (const char c : name) {
        if (c == '/' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    return true;
}

std::optional<std::string> LocalFiles::read(const std::string& name) const {
    const auto found = files_.find(name);
    if (found == files_.end()) return std::nullopt;
    return found->second;
}

void LocalFiles::write(const std::string& name, std::string content) {
    if (!validName(name)) throw std::invalid_argument{"'" + name + "' is not a file name here (no '/', not empty)"};
    files_[name] = std::move(content);
}

bool LocalFiles::remove(const std::string& name) { return files_.erase(name) > 0; }

std::vector<std::string> LocalFiles::names() const {
    std::vector<std::string> out;
    for (const auto& [name, content] : files_) out.push_back(name);
    return out;
}

std::size_t LocalFiles::size(const std::string& name) const {
    const auto found = files_.find(name);
    return found == files_.end() ? 0 : found->second.size();
}

}  // namespace netstage::programs
