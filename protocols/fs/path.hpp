#pragma once
// Lexical path resolution for the virtual file system. Every path a peer
// sends is resolved here, without looking at the tree, so that no spelling
// (`..` past the root, `//`, `.`, backslashes) can name anything outside the
// user's root: `..` at the root stays at the root, as a chroot would.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/fs/fs_error.hpp"

namespace netstage::vfs {

// Limits on what a peer may send. Longer input is refused rather than
// truncated, so a truncated name can never alias another file.
inline constexpr std::size_t kMaxPathLength = 1024;
inline constexpr std::size_t kMaxNameLength = 255;

struct ResolvedPath {
    FsError error = FsError::None;
    std::vector<std::string> components;  // empty means the root

    bool ok() const { return error == FsError::None; }
    bool isRoot() const { return components.empty(); }
    std::string text() const;  // "/", "/a/b"
    std::string name() const;  // last component, "" for the root
    ResolvedPath parent() const;
};

// Resolves `input` against the absolute directory `cwd`. A leading '/' makes
// `input` absolute (relative to the user's root). Both '/' and '\\' separate
// components. A NUL byte gives InvalidName; more than kMaxPathLength octets
// or a component longer than kMaxNameLength gives NameTooLong.
ResolvedPath resolvePath(std::string_view cwd, std::string_view input);

}  // namespace netstage::vfs
