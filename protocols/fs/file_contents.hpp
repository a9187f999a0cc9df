#pragma once
// The octets of one file. Readers share them: a download is sent straight
// from this string, never copied into a transfer buffer. A file can also be
// described by its size and a recipe that makes its octets; it is made the
// first time someone reads it, so a large file nobody reads costs only its
// description.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace netstage::vfs {

class FileContents {
public:
    // Makes exactly `size` octets.
    using Generator = std::function<std::string()>;

    FileContents();  // empty
    explicit FileContents(std::string bytes);
    FileContents(std::uint64_t size, Generator generate);

    std::uint64_t size() const { return size_; }
    // The octets, made now if the file was only described (and kept: the
    // same string on every later call). Throws std::logic_error if a
    // generator made a different size than it declared.
    std::shared_ptr<const std::string> bytes() const;
    // Whether the octets exist yet.
    bool made() const { return bytes_ != nullptr; }

private:
    std::uint64_t size_ = 0;
    mutable std::shared_ptr<const std::string> bytes_;
    mutable Generator generate_;
};

}  // namespace netstage::vfs
