#include "protocols/fs/file_system.hpp"

#include <algorithm>
#include <utility>

namespace netstage::vfs {

struct FileSystem::Node {
    bool isDirectory = false;
    FileContents contents;
    std::int64_t modified = 0;
    // std::map keeps children sorted by name, so listings are deterministic.
    std::map<std::string, std::unique_ptr<Node>, std::less<>> children;

    Entry entry(std::string name) const {
        return Entry{std::move(name), isDirectory, isDirectory ? 0 : contents.size(), modified};
    }
};

FileSystem::FileSystem(std::uint64_t quotaBytes, std::int64_t createdAt)
    : root_{std::make_unique<Node>()}, quota_{quotaBytes} {
    root_->isDirectory = true;
    root_->modified = createdAt;
}

FileSystem::~FileSystem() = default;
FileSystem::FileSystem(FileSystem&&) noexcept = default;
FileSystem& FileSystem::operator=(FileSystem&&) noexcept = default;

FileSystem::Node* FileSystem::find(const ResolvedPath& path) const {
    if (!path.ok()) return nullptr;
    Node* node = root_.get();
    for (const auto& part : path.components) {
        if (!node->isDirectory) return nullptr;
        auto it = node->children.find(part);
        if (it == node->children.end()) return nullptr;
        node = it->second.get();
    }
    return node;
}

FileSystem::Node* FileSystem::parentOf(const ResolvedPath& path, FsError& error) const {
    if (!path.ok()) {
        error = path.error;
        return nullptr;
    }
    if (path.isRoot()) {
        error = FsError::IsRoot;
        return nullptr;
    }
    Node* parent = find(path.parent());
    if (parent == nullptr) {
        error = FsError::NotFound;
        return nullptr;
    }
    if (!parent->isDirectory) {
        error = FsError::NotADirectory;
        return nullptr;
    }
    error = FsError::None;
    return parent;
}

FsError FileSystem::mkdir(std::string_view path, std::int64_t now) {
    const ResolvedPath target = resolvePath("/", path);
    FsError error = FsError::None;
    Node* parent = parentOf(target, error);
    if (parent == nullptr) return error == FsError::IsRoot ? FsError::AlreadyExists : error;
    if (parent->children.contains(target.name())) return FsError::AlreadyExists;
    auto node = std::make_unique<Node>();
    node->isDirectory = true;
    node->modified = now;
    parent->children.emplace(target.name(), std::move(node));
    parent->modified = now;
    return FsError::None;
}

FsError FileSystem::rmdir(std::string_view path) {
    const ResolvedPath target = resolvePath("/", path);
    FsError error = FsError::None;
    Node* parent = parentOf(target, error);
    if (parent == nullptr) return error;
    auto it = parent->children.find(target.name());
    if (it == parent->children.end()) return FsError::NotFound;
    if (!it->second->isDirectory) return FsError::NotADirectory;
    if (!it->second->children.empty()) return FsError::NotEmpty;
    parent->children.erase(it);
    return FsError::None;
}

FsError FileSystem::remove(std::string_view path) {
    const ResolvedPath target = resolvePath("/", path);
    FsError error = FsError::None;
    Node* parent = parentOf(target, error);
    if (parent == nullptr) return error == FsError::IsRoot ? FsError::IsADirectory : error;
    auto it = parent->children.find(target.name());
    if (it == parent->children.end()) return FsError::NotFound;
    if (it->second->isDirectory) return FsError::IsADirectory;
    used_ -= it->second->contents.size();
    parent->children.erase(it);
    return FsError::None;
}

FsError FileSystem::rename(std::string_view from, std::string_view to) {
    const ResolvedPath source = resolvePath("/", from);
    const ResolvedPath target = resolvePath("/", to);
    FsError error = FsError::None;
    Node* sourceParent = parentOf(source, error);
    if (sourceParent == nullptr) return error;
    auto sourceIt = sourceParent->children.find(source.name());
    if (sourceIt == sourceParent->children.end()) return FsError::NotFound;
    Node* targetParent = parentOf(target, error);
    if (targetParent == nullptr) return error;
    if (source.components == target.components) return FsError::None;
    // Moving a directory below itself would detach it from the tree.
    if (sourceIt->second->isDirectory && target.components.size() > source.components.size() &&
        std::equal(source.components.begin(), source.components.end(), target.components.begin())) {
        return FsError::InvalidName;
    }
    auto targetIt = targetParent->children.find(target.name());
    if (targetIt != targetParent->children.end()) {
        if (targetIt->second->isDirectory) return FsError::AlreadyExists;
        if (sourceIt->second->isDirectory) return FsError::NotADirectory;
        used_ -= targetIt->second->contents.size();
        targetParent->children.erase(targetIt);
    }
    std::unique_ptr<Node> moved = std::move(sourceIt->second);
    sourceParent->children.erase(sourceIt);
    targetParent->children.emplace(target.name(), std::move(moved));
    return FsError::None;
}

FsError FileSystem::store(std::string_view path, FileContents contents, std::int64_t now) {
    const ResolvedPath target = resolvePath("/", path);
    FsError error = FsError::None;
    Node* parent = parentOf(target, error);
    if (parent == nullptr) return error == FsError::IsRoot ? FsError::IsADirectory : error;
    auto it = parent->children.find(target.name());
    const std::uint64_t oldSize = it == parent->children.end() ? 0 : it->second->contents.size();
    if (it != parent->children.end() && it->second->isDirectory) return FsError::IsADirectory;
    const std::uint64_t newSize = contents.size();
    const std::uint64_t usedAfter = used_ - oldSize + newSize;
    if (usedAfter > quota_ || usedAfter < used_ - oldSize) return FsError::QuotaExceeded;
    if (it == parent->children.end()) {
        it = parent->children.emplace(target.name(), std::make_unique<Node>()).first;
        parent->modified = now;
    }
    it->second->contents = std::move(contents);
    it->second->modified = now;
    used_ = usedAfter;
    return FsError::None;
}

FsError FileSystem::writeFile(std::string_view path, FileContents contents, std::int64_t now) {
    return store(path, std::move(contents), now);
}

FsError FileSystem::writeFile(std::string_view path, std::string contents, std::int64_t now) {
    return store(path, FileContents{std::move(contents)}, now);
}

FsError FileSystem::appendFile(std::string_view path, std::string_view contents, std::int64_t now) {
    const Node* node = find(resolvePath("/", path));
    if (node == nullptr || node->isDirectory) return store(path, FileContents{std::string{contents}}, now);
    // Quota first, so a refused append never makes a described file's octets.
    if (contents.size() > freeBytes()) return FsError::QuotaExceeded;
    std::string joined = *node->contents.bytes();
    joined.append(contents);
    return store(path, FileContents{std::move(joined)}, now);
}

ReadResult FileSystem::readFile(std::string_view path) const {
    const ResolvedPath target = resolvePath("/", path);
    if (!target.ok()) return {target.error, {}};
    const Node* node = find(target);
    if (node == nullptr) return {FsError::NotFound, {}};
    if (node->isDirectory) return {FsError::IsADirectory, {}};
    return {FsError::None, node->contents.bytes()};
}

OpenResult FileSystem::openFile(std::string_view path) const {
    const ResolvedPath target = resolvePath("/", path);
    if (!target.ok()) return {target.error, {}};
    const Node* node = find(target);
    if (node == nullptr) return {FsError::NotFound, {}};
    if (node->isDirectory) return {FsError::IsADirectory, {}};
    return {FsError::None, node->contents};
}

std::string_view ReadResult::text() const { return contents ? std::string_view{*contents} : std::string_view{}; }

ListResult FileSystem::list(std::string_view path) const {
    const ResolvedPath target = resolvePath("/", path);
    if (!target.ok()) return {target.error, {}};
    const Node* node = find(target);
    if (node == nullptr) return {FsError::NotFound, {}};
    ListResult result;
    if (!node->isDirectory) {
        result.entries.push_back(node->entry(target.name()));
        return result;
    }
    for (const auto& [name, child] : node->children) result.entries.push_back(child->entry(name));
    return result;
}

std::optional<Entry> FileSystem::stat(std::string_view path) const {
    const ResolvedPath target = resolvePath("/", path);
    const Node* node = find(target);
    if (node == nullptr) return std::nullopt;
    return node->entry(target.name());
}

bool FileSystem::isDirectory(std::string_view path) const {
    const Node* node = find(resolvePath("/", path));
    return node != nullptr && node->isDirectory;
}

}  // namespace netstage::vfs
