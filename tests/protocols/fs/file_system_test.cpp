#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "protocols/fs/file_system.hpp"

using netstage::vfs::FileSystem;
using netstage::vfs::FsError;

namespace {
std::vector<std::string> names(const FileSystem& fs, std::string_view dir) {
    std::vector<std::string> out;
    for (const auto& entry : fs.list(dir).entries) out.push_back(entry.name);
    return out;
}
}  // namespace

TEST(VfsFileSystem, writesAndReadsFilesWithTheCallersTime) {
    FileSystem fs;
    ASSERT_EQ(fs.writeFile("/hello.txt", "hi\n", 1700000000), FsError::None);
    EXPECT_EQ(fs.readFile("hello.txt").text(), "hi\n");
    const auto entry = fs.stat("/hello.txt");
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->size, 3u);
    EXPECT_EQ(entry->modified, 1700000000);
    EXPECT_FALSE(entry->isDirectory);
}

TEST(VfsFileSystem, listingsAreSortedByName) {
    FileSystem fs;
    fs.writeFile("/zeta", "", 0);
    fs.mkdir("/alpha", 0);
    fs.writeFile("/Mid", "", 0);
    fs.writeFile("/beta", "", 0);
    EXPECT_EQ(names(fs, "/"), (std::vector<std::string>{"Mid", "alpha", "beta", "zeta"}));
}

TEST(VfsFileSystem, mkdirNeedsAParentAndRefusesDuplicates) {
    FileSystem fs;
    EXPECT_EQ(fs.mkdir("/a/b", 0), FsError::NotFound);
    EXPECT_EQ(fs.mkdir("/a", 0), FsError::None);
    EXPECT_EQ(fs.mkdir("/a", 0), FsError::AlreadyExists);
    EXPECT_EQ(fs.mkdir("/", 0), FsError::AlreadyExists);
    EXPECT_EQ(fs.mkdir("/a/b", 0), FsError::None);
    EXPECT_TRUE(fs.isDirectory("/a/b"));
    fs.writeFile("/f", "x", 0);
    EXPECT_EQ(fs.mkdir("/f/g", 0), FsError::NotADirectory);
}

TEST(VfsFileSystem, rmdirRefusesANonEmptyDirectory) {
    FileSystem fs;
    fs.mkdir("/a", 0);
    fs.writeFile("/a/f", "x", 0);
    EXPECT_EQ(fs.rmdir("/a"), FsError::NotEmpty);
    EXPECT_EQ(fs.rmdir("/a/f"), FsError::NotADirectory);
    EXPECT_EQ(fs.remove("/a/f"), FsError::None);
    EXPECT_EQ(fs.rmdir("/a"), FsError::None);
    EXPECT_EQ(fs.rmdir("/a"), FsError::NotFound);
    EXPECT_EQ(fs.rmdir("/"), FsError::IsRoot);
}

TEST(VfsFileSystem, removeDeletesFilesOnlyAndFreesQuota) {
    FileSystem fs{10};
    fs.mkdir("/d", 0);
    ASSERT_EQ(fs.writeFile("/f", "12345", 0), FsError::None);
    EXPECT_EQ(fs.usedBytes(), 5u);
    EXPECT_EQ(fs.remove("/d"), FsError::IsADirectory);
    EXPECT_EQ(fs.remove("/f"), FsError::None);
    EXPECT_EQ(fs.usedBytes(), 0u);
    EXPECT_EQ(fs.remove("/f"), FsError::NotFound);
}

TEST(VfsFileSystem, renameMovesFilesAndDirectories) {
    FileSystem fs;
    fs.mkdir("/a", 0);
    fs.writeFile("/a/f", "data", 0);
    EXPECT_EQ(fs.rename("/a/f", "/g"), FsError::None);
    EXPECT_EQ(fs.readFile("/g").text(), "data");
    EXPECT_EQ(fs.readFile("/a/f").error, FsError::NotFound);
    EXPECT_EQ(fs.rename("/a", "/b"), FsError::None);
    EXPECT_TRUE(fs.isDirectory("/b"));
    EXPECT_EQ(fs.rename("/b", "/b/inside"), FsError::InvalidName);
    EXPECT_EQ(fs.rename("/missing", "/x"), FsError::NotFound);
    EXPECT_EQ(fs.rename("/g", "/nowhere/g"), FsError::NotFound);
    EXPECT_EQ(fs.rename("/", "/x"), FsError::IsRoot);
}

TEST(VfsFileSystem, renameOverAFileReplacesItAndKeepsTheQuotaRight) {
    FileSystem fs;
    fs.writeFile("/a", "123", 0);
    fs.writeFile("/b", "4567", 0);
    EXPECT_EQ(fs.rename("/a", "/b"), FsError::None);
    EXPECT_EQ(fs.readFile("/b").text(), "123");
    EXPECT_EQ(fs.usedBytes(), 3u);
}

TEST(VfsFileSystem, aWriteOverTheQuotaIsRefusedAndChangesNothing) {
    FileSystem fs{10};
    ASSERT_EQ(fs.writeFile("/a", "123456", 0), FsError::None);
    EXPECT_EQ(fs.writeFile("/b", "12345", 0), FsError::QuotaExceeded);
    EXPECT_FALSE(fs.stat("/b").has_value());
    EXPECT_EQ(fs.appendFile("/a", "12345", 0), FsError::QuotaExceeded);
    EXPECT_EQ(fs.readFile("/a").text(), "123456");
    // Replacing a file counts only the difference.
    EXPECT_EQ(fs.writeFile("/a", "1234567890", 0), FsError::None);
    EXPECT_EQ(fs.usedBytes(), 10u);
    EXPECT_EQ(fs.freeBytes(), 0u);
}

TEST(VfsFileSystem, appendCreatesOrExtends) {
    FileSystem fs;
    EXPECT_EQ(fs.appendFile("/log", "a", 1), FsError::None);
    EXPECT_EQ(fs.appendFile("/log", "b", 2), FsError::None);
    EXPECT_EQ(fs.readFile("/log").text(), "ab");
    EXPECT_EQ(fs.stat("/log")->modified, 2);
}

TEST(VfsFileSystem, hostilePathsStayInsideTheRoot) {
    FileSystem fs;
    ASSERT_EQ(fs.writeFile("../../../etc/passwd", "x", 0), FsError::NotFound);  // no /etc in the tree
    fs.mkdir("/etc", 0);
    ASSERT_EQ(fs.writeFile("..\\..\\etc\\passwd", "x", 0), FsError::None);
    EXPECT_EQ(names(fs, "/etc"), (std::vector<std::string>{"passwd"}));
    EXPECT_EQ(fs.writeFile(std::string{"a\0b", 3}, "x", 0), FsError::InvalidName);
    EXPECT_EQ(fs.writeFile(std::string(2000, 'a'), "x", 0), FsError::NameTooLong);
    EXPECT_EQ(fs.writeFile("/", "x", 0), FsError::IsADirectory);
    EXPECT_EQ(fs.writeFile("//etc//./passwd", "y", 0), FsError::None);
    EXPECT_EQ(fs.readFile("/etc/passwd").text(), "y");
}

TEST(VfsFileSystem, aFileListsAsItselfAndAMissingPathIsNotFound) {
    FileSystem fs;
    fs.writeFile("/f", "abc", 5);
    const auto listing = fs.list("/f");
    ASSERT_TRUE(listing.ok());
    ASSERT_EQ(listing.entries.size(), 1u);
    EXPECT_EQ(listing.entries[0].name, "f");
    EXPECT_EQ(listing.entries[0].size, 3u);
    EXPECT_EQ(fs.list("/nope").error, FsError::NotFound);
    EXPECT_EQ(fs.readFile("/").error, FsError::IsADirectory);
}

TEST(VfsFileSystem, aDescribedFileIsMadeOnItsFirstReadAndThenShared) {
    FileSystem fs;
    int made = 0;
    ASSERT_EQ(fs.writeFile("/big", netstage::vfs::FileContents{4, [&made] {
                                       ++made;
                                       return std::string{"abcd"};
                                   }},
                           0),
              FsError::None);
    EXPECT_EQ(fs.stat("/big")->size, 4u);
    EXPECT_EQ(fs.list("/").entries.at(0).size, 4u);
    EXPECT_EQ(fs.usedBytes(), 4u);
    EXPECT_EQ(made, 0) << "listing and stat need only the size";
    const auto first = fs.readFile("/big");
    const auto second = fs.readFile("/big");
    EXPECT_EQ(first.text(), "abcd");
    EXPECT_EQ(made, 1);
    EXPECT_EQ(first.contents.get(), second.contents.get()) << "readers share one string";
}

TEST(VfsFileSystem, aDescribedFileThatIsReplacedIsNeverMade) {
    FileSystem fs;
    int made = 0;
    fs.writeFile("/f", netstage::vfs::FileContents{3, [&made] {
                     ++made;
                     return std::string{"old"};
                 }},
                 0);
    ASSERT_EQ(fs.writeFile("/f", "new", 0), FsError::None);
    EXPECT_EQ(fs.readFile("/f").text(), "new");
    EXPECT_EQ(made, 0);
    EXPECT_EQ(fs.usedBytes(), 3u);
}

TEST(VfsFileSystem, aGeneratorThatMakesTheWrongSizeIsAnError) {
    FileSystem fs;
    fs.writeFile("/f", netstage::vfs::FileContents{3, [] { return std::string{"four"}; }}, 0);
    EXPECT_THROW(fs.readFile("/f"), std::logic_error);
}
