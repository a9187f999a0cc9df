#include "simulator/tcp/reassembly_queue.hpp"

namespace netstage::tcp {

void ReassemblyQueue::insert(std::uint64_t offset, std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) return;
    auto [it, inserted] = segments_.try_emplace(offset);
    if (!inserted) {
        if (it->second.size() >= bytes.size()) return;  // a duplicate or a shorter copy
        bytes_ -= it->second.size();
    }
    it->second.assign(bytes.begin(), bytes.end());
    bytes_ += bytes.size();
}

void ReassemblyQueue::clear() {
    segments_.clear();
    bytes_ = 0;
}

}  // namespace netstage::tcp
