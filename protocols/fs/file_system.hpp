#pragma once
// An in-memory file tree for one user, as the FTP server sees it. Every path
// argument is resolved with resolvePath("/", path), so nothing a peer sends
// can name a node outside this tree. Modification times are Unix seconds
// supplied by the caller; the file system never reads a clock.
//
// Quota: the sum of all file sizes may not exceed quotaBytes(). A write that
// would exceed it fails with QuotaExceeded and changes nothing, so a refused
// upload never leaves a partial file behind.

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/fs/file_contents.hpp"
#include "protocols/fs/fs_error.hpp"
#include "protocols/fs/path.hpp"

namespace netstage::vfs {

inline constexpr std::uint64_t kUnlimitedQuota = std::numeric_limits<std::uint64_t>::max();

struct Entry {
    std::string name;  // "" for the root
    bool isDirectory = false;
    std::uint64_t size = 0;  // octets; 0 for a directory
    std::int64_t modified = 0;  // Unix seconds
};

struct ReadResult {
    FsError error = FsError::None;
    // Shared with the file system, not a copy; null unless ok().
    std::shared_ptr<const std::string> contents;
    bool ok() const { return error == FsError::None; }
    // The octets ("" unless ok()).
    std::string_view text() const;
};

// A file's contents as a handle: shared with the file system, read a window
// at a time with FileContents::slice(), never made whole for that.
struct OpenResult {
    FsError error = FsError::None;
    FileContents contents;  // empty unless ok()
    bool ok() const { return error == FsError::None; }
};

struct ListResult {
    FsError error = FsError::None;
    std::vector<Entry> entries;  // sorted by name (octet order)
    bool ok() const { return error == FsError::None; }
};

class FileSystem {
public:
    explicit FileSystem(std::uint64_t quotaBytes = kUnlimitedQuota, std::int64_t createdAt = 0);
    ~FileSystem();
    FileSystem(const FileSystem&) = delete;
    FileSystem& operator=(const FileSystem&) = delete;
    FileSystem(FileSystem&&) noexcept;
    FileSystem& operator=(FileSystem&&) noexcept;

    std::uint64_t quotaBytes() const { return quota_; }
    void setQuotaBytes(std::uint64_t quota) { quota_ = quota; }
    std::uint64_t usedBytes() const { return used_; }
    // Octets that may still be written before the quota is reached.
    std::uint64_t freeBytes() const { return used_ >= quota_ ? 0 : quota_ - used_; }

    FsError mkdir(std::string_view path, std::int64_t now);
    FsError rmdir(std::string_view path);  // NotEmpty if it has entries
    FsError remove(std::string_view path);  // files only; IsADirectory otherwise
    // Moves a file or directory. An existing target file is replaced; an
    // existing target directory is AlreadyExists. A directory cannot be moved
    // into itself (InvalidName).
    FsError rename(std::string_view from, std::string_view to);

    // Creates or replaces a file. The parent directory must exist. The
    // contents are moved in, not copied; a described (generated) file is made
    // only when first read.
    FsError writeFile(std::string_view path, FileContents contents, std::int64_t now);
    FsError writeFile(std::string_view path, std::string contents, std::int64_t now);
    // Appends to a file, creating it if absent.
    FsError appendFile(std::string_view path, std::string_view contents, std::int64_t now);

    // Makes a described file's octets if nobody read them before.
    ReadResult readFile(std::string_view path) const;
    // The file's contents for streaming: nothing is made or copied.
    OpenResult openFile(std::string_view path) const;
    ListResult list(std::string_view path) const;  // a file lists as itself
    std::optional<Entry> stat(std::string_view path) const;
    bool isDirectory(std::string_view path) const;

private:
    struct Node;
    Node* find(const ResolvedPath& path) const;
    // The existing parent directory of `path`, or the reason there is none.
    Node* parentOf(const ResolvedPath& path, FsError& error) const;
    FsError store(std::string_view path, FileContents contents, std::int64_t now);

    std::unique_ptr<Node> root_;
    std::uint64_t quota_;
    std::uint64_t used_ = 0;
};

}  // namespace netstage::vfs
