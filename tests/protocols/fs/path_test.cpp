#include <gtest/gtest.h>

#include <string>

#include "protocols/fs/path.hpp"

using netstage::vfs::FsError;
using netstage::vfs::kMaxNameLength;
using netstage::vfs::kMaxPathLength;
using netstage::vfs::resolvePath;

namespace {
std::string resolved(std::string_view cwd, std::string_view input) {
    const auto path = resolvePath(cwd, input);
    EXPECT_TRUE(path.ok()) << input;
    return path.text();
}
}  // namespace

TEST(VfsPath, relativePathsAreResolvedAgainstTheCurrentDirectory) {
    EXPECT_EQ(resolved("/pub", "file.txt"), "/pub/file.txt");
    EXPECT_EQ(resolved("/pub", ""), "/pub");
    EXPECT_EQ(resolved("/", "a/b"), "/a/b");
}

TEST(VfsPath, dotDotPastTheRootStaysAtTheRoot) {
    EXPECT_EQ(resolved("/", ".."), "/");
    EXPECT_EQ(resolved("/pub", "../../../etc/passwd"), "/etc/passwd");
    EXPECT_EQ(resolved("/a/b", "../../../../.."), "/");
    EXPECT_EQ(resolved("/a", "x/../../.."), "/");
}

TEST(VfsPath, absolutePathsStartAtTheUsersRoot) {
    EXPECT_EQ(resolved("/pub/deep", "/etc/passwd"), "/etc/passwd");
    EXPECT_EQ(resolved("/pub", "/"), "/");
}

TEST(VfsPath, doubleSlashesAndDotsCollapse) {
    EXPECT_EQ(resolved("/", "//a///b//"), "/a/b");
    EXPECT_EQ(resolved("/", "./a/./b/."), "/a/b");
    EXPECT_EQ(resolved("//", "//"), "/");
}

TEST(VfsPath, backslashesSeparateComponentsAndCannotEscape) {
    EXPECT_EQ(resolved("/pub", "..\\..\\secret"), "/secret");
    EXPECT_EQ(resolved("/pub", "\\a\\b"), "/a/b");
}

TEST(VfsPath, aNulByteIsAnInvalidName) {
    const std::string input{"a\0/../../b", 10};
    const auto path = resolvePath("/", input);
    EXPECT_EQ(path.error, FsError::InvalidName);
    EXPECT_TRUE(path.isRoot());
}

TEST(VfsPath, overlongPathsAndNamesAreRefused) {
    EXPECT_EQ(resolvePath("/", std::string(kMaxPathLength + 1, 'a')).error, FsError::NameTooLong);
    EXPECT_EQ(resolvePath("/", std::string(kMaxNameLength + 1, 'a')).error, FsError::NameTooLong);
    EXPECT_TRUE(resolvePath("/", std::string(kMaxNameLength, 'a')).ok());
    // Many `..` within the length limit still clamp at the root.
    std::string climb;
    while (climb.size() + 3 <= kMaxPathLength) climb += "../";
    EXPECT_EQ(resolved("/a/b/c", climb), "/");
}

TEST(VfsPath, parentAndNameOfAPath) {
    const auto path = resolvePath("/", "/a/b/c");
    EXPECT_EQ(path.name(), "c");
    EXPECT_EQ(path.parent().text(), "/a/b");
    EXPECT_EQ(resolvePath("/", "/").parent().text(), "/");
}
