#include "protocols/fs/file_contents.hpp"

#include <stdexcept>

namespace netstage::vfs {

FileContents::FileContents() : bytes_{std::make_shared<const std::string>()} {}

FileContents::FileContents(std::string bytes)
    : size_{bytes.size()}, bytes_{std::make_shared<const std::string>(std::move(bytes))} {}

FileContents::FileContents(std::uint64_t size, Generator generate) : size_{size}, generate_{std::move(generate)} {
    if (!generate_) throw std::logic_error("vfs: a generated file needs a generator");
}

std::shared_ptr<const std::string> FileContents::bytes() const {
    if (!bytes_) {
        auto made = std::make_shared<const std::string>(generate_());
        if (made->size() != size_) throw std::logic_error("vfs: a generator made a different size than it declared");
        bytes_ = std::move(made);
        generate_ = nullptr;
    }
    return bytes_;
}

}  // namespace netstage::vfs
