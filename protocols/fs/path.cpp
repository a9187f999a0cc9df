#include "protocols/fs/path.hpp"

namespace netstage::vfs {

namespace {

bool isSeparator(char c) { return c == '/' || c == '\\'; }

// Applies the components of `text` to `out`; returns the first error.
FsError apply(std::string_view text, std::vector<std::string>& out) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSeparator(text[i])) ++i;
        std::size_t end = i;
        while (end < text.size() && !isSeparator(text[end])) ++end;
        const std::string_view part = text.substr(i, end - i);
        i = end;
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (!out.empty()) out.pop_back();  // at the root, `..` is the root
            continue;
        }
        if (part.size() > kMaxNameLength) return FsError::NameTooLong;
        out.emplace_back(part);
    }
    return FsError::None;
}

}  // namespace

std::string_view toString(FsError error) {
    switch (error) {
        case FsError::None: return "ok";
        case FsError::NotFound: return "no such file or directory";
        case FsError::NotADirectory: return "not a directory";
        case FsError::IsADirectory: return "is a directory";
        case FsError::AlreadyExists: return "already exists";
        case FsError::NotEmpty: return "directory not empty";
        case FsError::QuotaExceeded: return "quota exceeded";
        case FsError::InvalidName: return "invalid file name";
        case FsError::NameTooLong: return "file name too long";
        case FsError::IsRoot: return "operation not permitted on the root";
    }
    return "unknown error";
}

std::string ResolvedPath::text() const {
    if (components.empty()) return "/";
    std::string out;
    for (const auto& part : components) {
        out += '/';
        out += part;
    }
    return out;
}

std::string ResolvedPath::name() const { return components.empty() ? std::string{} : components.back(); }

ResolvedPath ResolvedPath::parent() const {
    ResolvedPath up = *this;
    if (!up.components.empty()) up.components.pop_back();
    return up;
}

ResolvedPath resolvePath(std::string_view cwd, std::string_view input) {
    ResolvedPath result;
    if (input.size() > kMaxPathLength || cwd.size() > kMaxPathLength) {
        result.error = FsError::NameTooLong;
        return result;
    }
    if (input.find('\0') != std::string_view::npos || cwd.find('\0') != std::string_view::npos) {
        result.error = FsError::InvalidName;
        return result;
    }
    const bool absolute = !input.empty() && isSeparator(input.front());
    if (!absolute) result.error = apply(cwd, result.components);
    if (result.ok()) result.error = apply(input, result.components);
    if (!result.ok()) result.components.clear();
    return result;
}

}  // namespace netstage::vfs
