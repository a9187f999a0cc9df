#include "protocols/fs/file_contents.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace netstage::vfs {

struct FileContents::State {
    std::uint64_t size = 0;
    // Stored octets: chunks in order; starts[i] is the offset of chunks[i].
    std::vector<std::shared_ptr<const std::string>> chunks;
    std::vector<std::uint64_t> starts;
    Generator generate;
    RangeGenerator generateRange;
    // The whole file as one string, once someone asked for it.
    std::shared_ptr<const std::string> joined;

    bool described() const { return static_cast<bool>(generate) || static_cast<bool>(generateRange); }
};

FileContents::FileContents(std::shared_ptr<State> state) : state_{std::move(state)} {}

FileContents::FileContents() : FileContents{std::string{}} {}

FileContents::FileContents(std::string bytes) : state_{std::make_shared<State>()} {
    state_->size = bytes.size();
    state_->joined = std::make_shared<const std::string>(std::move(bytes));
}

FileContents::FileContents(std::uint64_t size, Generator generate) : state_{std::make_shared<State>()} {
    if (!generate) throw std::logic_error("vfs: a generated file needs a generator");
    state_->size = size;
    state_->generate = std::move(generate);
}

FileContents FileContents::ofRanges(std::uint64_t size, RangeGenerator generate) {
    if (!generate) throw std::logic_error("vfs: a generated file needs a generator");
    auto state = std::make_shared<State>();
    state->size = size;
    state->generateRange = std::move(generate);
    return FileContents{std::move(state)};
}

FileContents FileContents::ofChunks(std::vector<std::shared_ptr<const std::string>> chunks) {
    auto state = std::make_shared<State>();
    for (auto& chunk : chunks) {
        if (!chunk || chunk->empty()) continue;
        state->starts.push_back(state->size);
        state->size += chunk->size();
        state->chunks.push_back(std::move(chunk));
    }
    // One chunk is the whole file already.
    if (state->chunks.size() <= 1) {
        state->joined = state->chunks.empty() ? std::make_shared<const std::string>() : state->chunks.front();
        state->chunks.clear();
        state->starts.clear();
    }
    return FileContents{std::move(state)};
}

std::uint64_t FileContents::size() const { return state_->size; }

bool FileContents::made() const { return !state_->described() || state_->joined != nullptr; }

std::shared_ptr<const std::string> FileContents::bytes() const {
    State& s = *state_;
    if (s.joined) return s.joined;
    std::string all;
    if (s.generate) {
        all = s.generate();
    } else if (s.generateRange) {
        all = s.generateRange(0, static_cast<std::size_t>(s.size));
    } else {
        all.reserve(static_cast<std::size_t>(s.size));
        for (const auto& chunk : s.chunks) all += *chunk;
    }
    if (all.size() != s.size) throw std::logic_error("vfs: a generator made a different size than it declared");
    s.joined = std::make_shared<const std::string>(std::move(all));
    // The joined string replaces the chunks and the recipe: the file is held once.
    s.chunks.clear();
    s.starts.clear();
    s.generate = nullptr;
    s.generateRange = nullptr;
    return s.joined;
}

FileSlice FileContents::slice(std::uint64_t offset, std::size_t maxLength) const {
    const State& s = *state_;
    if (offset >= s.size || maxLength == 0) return {};
    const std::uint64_t left = s.size - offset;
    const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(left, maxLength));
    if (s.joined) return {s.joined, static_cast<std::size_t>(offset), want};
    if (s.generateRange) {
        const std::size_t length = std::min(want, kMaxGeneratedSlice);
        auto made = std::make_shared<const std::string>(s.generateRange(offset, length));
        if (made->size() != length) throw std::logic_error("vfs: a generator made a different size than it declared");
        return {std::move(made), 0, length};
    }
    if (s.generate) {
        const auto all = bytes();
        return {all, static_cast<std::size_t>(offset), want};
    }
    // The chunk holding `offset`: the last one starting at or before it.
    const auto it = std::upper_bound(s.starts.begin(), s.starts.end(), offset) - 1;
    const auto index = static_cast<std::size_t>(it - s.starts.begin());
    const auto inChunk = static_cast<std::size_t>(offset - *it);
    const std::size_t length = std::min(want, s.chunks[index]->size() - inChunk);
    return {s.chunks[index], inChunk, length};
}

bool operator==(const FileContents& contents, std::string_view text) {
    if (contents.size() != text.size()) return false;
    std::uint64_t offset = 0;
    while (offset < contents.size()) {
        const FileSlice piece = contents.slice(offset, FileContents::kMaxGeneratedSlice);
        if (piece.view() != text.substr(static_cast<std::size_t>(offset), piece.length)) return false;
        offset += piece.length;
    }
    return true;
}

void FileContents::Builder::append(std::string_view bytes) {
    size_ += bytes.size();
    while (!bytes.empty()) {
        // The first chunk grows by doubling, so a short listing does not hold a
        // whole chunk; once a file has filled one, every later chunk is taken
        // whole at once, so its octets are written once and never moved.
        if (current_.capacity() - current_.size() < bytes.size()) {
            const std::size_t wanted = chunks_.empty() ? std::max(current_.size() + bytes.size(), 2 * current_.capacity())
                                                       : chunkSize_;
            current_.reserve(std::min(chunkSize_, std::max<std::size_t>(wanted, 4096)));
        }
        const std::size_t room = chunkSize_ - current_.size();
        const std::size_t n = std::min(room, bytes.size());
        current_.append(bytes.substr(0, n));
        bytes.remove_prefix(n);
        if (current_.size() == chunkSize_) {
            chunks_.push_back(std::make_shared<const std::string>(std::move(current_)));
            current_ = std::string{};
        }
    }
}

FileContents FileContents::Builder::finish() {
    if (!current_.empty()) {
        current_.shrink_to_fit();
        chunks_.push_back(std::make_shared<const std::string>(std::move(current_)));
    }
    current_ = std::string{};
    size_ = 0;
    return ofChunks(std::exchange(chunks_, {}));
}

}  // namespace netstage::vfs
