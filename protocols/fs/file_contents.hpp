#pragma once
// The octets of one file, immutable once made. Readers share them: a
// download is sent straight from the file's own strings, a window at a time
// (slice()), never copied into a transfer buffer. Three kinds:
//  - stored octets, as one string or as a list of chunks (what a Builder
//    makes as an upload arrives, so a large file is never one doubling
//    string);
//  - described by its size and a recipe that makes all its octets: made the
//    first time someone reads them, then kept;
//  - described by its size and a recipe that makes any range: slice() makes
//    only the window asked for, so a large generated file costs only its
//    description, however often it is sent.
// Copies share one state: a copy is a handle, and the octets are made once
// for all of them.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::vfs {

// A window of a file's octets, shared with the file: [offset, offset + length) of `bytes`.
struct FileSlice {
    std::shared_ptr<const std::string> bytes;
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string_view view() const { return bytes ? std::string_view{*bytes}.substr(offset, length) : std::string_view{}; }
};

class FileContents {
public:
    // Makes exactly the declared size in octets.
    using Generator = std::function<std::string()>;
    // Makes exactly `length` octets starting at `offset`.
    using RangeGenerator = std::function<std::string(std::uint64_t offset, std::size_t length)>;
    // The largest window slice() makes from a range generator: small enough
    // that the allocator reuses its memory window after window.
    static constexpr std::size_t kMaxGeneratedSlice = 64 * 1024;

    FileContents();  // empty
    explicit FileContents(std::string bytes);
    FileContents(std::uint64_t size, Generator generate);
    static FileContents ofRanges(std::uint64_t size, RangeGenerator generate);
    static FileContents ofChunks(std::vector<std::shared_ptr<const std::string>> chunks);

    std::uint64_t size() const;
    // All the octets as one string, made now if the file was only described,
    // or joined from its chunks (and kept: the same string on every later
    // call). Throws std::logic_error if a generator made a different size
    // than it declared. Streaming readers use slice() instead.
    std::shared_ptr<const std::string> bytes() const;
    std::string_view text() const { return *bytes(); }
    // Whether the octets exist yet.
    bool made() const;
    // Up to `maxLength` octets from `offset` (fewer at a chunk's end or the
    // file's end; empty at or past the end). Shared with the file where they
    // exist; made for this window only from a range generator.
    FileSlice slice(std::uint64_t offset, std::size_t maxLength) const;

    // Octet for octet, without joining chunks.
    friend bool operator==(const FileContents& contents, std::string_view text);

    // Collects octets as they arrive into chunks of `chunkSize`, each filled
    // before the next is begun, so memory follows the file's size and not a
    // doubling string's capacity.
    class Builder {
    public:
        static constexpr std::size_t kChunkSize = 1 << 20;
        explicit Builder(std::size_t chunkSize = kChunkSize) : chunkSize_{chunkSize} {}
        void append(std::string_view bytes);
        std::uint64_t size() const { return size_; }
        // The file so far; the builder is empty afterwards.
        FileContents finish();

    private:
        std::size_t chunkSize_;
        std::vector<std::shared_ptr<const std::string>> chunks_;
        std::string current_;
        std::uint64_t size_ = 0;
    };

private:
    struct State;
    explicit FileContents(std::shared_ptr<State> state);
    std::shared_ptr<State> state_;
};

}  // namespace netstage::vfs
