#pragma once

#include <string_view>

namespace netstage::vfs {

enum class FsError {
    None,
    NotFound,
    NotADirectory,
    IsADirectory,
    AlreadyExists,
    NotEmpty,
    QuotaExceeded,
    InvalidName,
    NameTooLong,
    IsRoot,  // the root cannot be removed, renamed or replaced
};

std::string_view toString(FsError error);

}  // namespace netstage::vfs
