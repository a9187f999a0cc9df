// A file's octets: stored whole, in the chunks an upload arrived in, or
// described by a recipe; read a window at a time without joining or copying.

#include <gtest/gtest.h>

#include <string>

#include "protocols/fs/file_contents.hpp"

using netstage::vfs::FileContents;

namespace {

std::string letters(std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + i % 26);
    return bytes;
}

// Every window of `maxLength` from the start, joined.
std::string readInWindows(const FileContents& contents, std::size_t maxLength) {
    std::string out;
    for (std::uint64_t offset = 0; offset < contents.size();) {
        const auto piece = contents.slice(offset, maxLength);
        EXPECT_GT(piece.length, 0u);
        EXPECT_LE(piece.length, maxLength);
        out += piece.view();
        offset += piece.length;
    }
    return out;
}

}  // namespace

TEST(VfsFileContents, aBuilderKeepsArrivingOctetsInChunksOfItsSize) {
    const std::string file = letters(10'000);
    FileContents::Builder builder{4'096};
    for (std::size_t i = 0; i < file.size(); i += 1'460) builder.append(std::string_view{file}.substr(i, 1'460));
    EXPECT_EQ(builder.size(), 10'000u);
    const FileContents contents = builder.finish();
    EXPECT_EQ(contents.size(), 10'000u);
    EXPECT_TRUE(contents == file);
    EXPECT_FALSE(contents == letters(9'999));
    // A window never crosses a chunk: the first ends where the first chunk does.
    EXPECT_EQ(contents.slice(0, 100'000).length, 4'096u);
    EXPECT_EQ(contents.slice(4'000, 100'000).length, 96u);
    EXPECT_EQ(contents.slice(8'192, 100'000).length, 10'000u - 8'192u);
    EXPECT_EQ(contents.slice(4'096, 10).bytes.get(), contents.slice(5'000, 10).bytes.get()) << "one shared chunk";
    EXPECT_EQ(contents.slice(10'000, 10).length, 0u);
    EXPECT_EQ(readInWindows(contents, 1'000), file);
    EXPECT_EQ(contents.text(), file);
    EXPECT_EQ(builder.size(), 0u) << "the builder is empty after finish";
}

TEST(VfsFileContents, aSmallUploadIsOneStringAndAnEmptyOneIsEmpty) {
    FileContents::Builder builder;
    builder.append("hello");
    const FileContents contents = builder.finish();
    EXPECT_EQ(contents.text(), "hello");
    EXPECT_EQ(contents.slice(0, 100).bytes.get(), contents.bytes().get());
    EXPECT_EQ(FileContents::Builder{}.finish().size(), 0u);
}

TEST(VfsFileContents, aRangeDescribedFileMakesOnlyTheWindowsAskedFor) {
    std::uint64_t made = 0;
    const FileContents contents = FileContents::ofRanges(50'000, [&made](std::uint64_t offset, std::size_t length) {
        made += length;
        return letters(50'000).substr(offset, length);
    });
    EXPECT_FALSE(contents.made());
    EXPECT_EQ(contents.slice(20'000, 300).view(), letters(50'000).substr(20'000, 300));
    EXPECT_EQ(made, 300u);
    EXPECT_EQ(readInWindows(contents, 7'000), letters(50'000));
    EXPECT_EQ(made, 50'300u);
    EXPECT_FALSE(contents.made()) << "windows are not kept";
}

TEST(VfsFileContents, copiesShareTheOctetsMadeForAnyOfThem) {
    int made = 0;
    const FileContents original{3, [&made] {
                                    ++made;
                                    return std::string{"abc"};
                                }};
    const FileContents copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
    EXPECT_EQ(copy.text(), "abc");
    EXPECT_EQ(original.bytes().get(), copy.bytes().get());
    EXPECT_EQ(made, 1);
}
