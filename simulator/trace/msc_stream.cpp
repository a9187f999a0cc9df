#include "simulator/trace/msc_stream.hpp"

#include <algorithm>

namespace netstage::trace {
namespace {

// Bytes sent before the start we know of wrap round to offsets near 2^32; such
// pieces (and any stream past 1 GiB) are left out rather than allocated.
constexpr std::int64_t streamLimit = std::int64_t{1} << 30;

std::optional<std::uint32_t> firstDataSequence(const std::vector<const PacketRecord*>& sent) {
    for (const PacketRecord* p : sent) {
        if (!p->packet.payload.empty()) return p->packet.tcp()->sequence;
    }
    return std::nullopt;
}

}  // namespace

MscByteStream::MscByteStream(std::optional<std::uint32_t> isn, const std::vector<const PacketRecord*>& sent,
                             const std::vector<const PacketRecord*>& received) {
    base_ = isn ? *isn + 1 : firstDataSequence(sent).value_or(0);
    sent_ = place(sent);
    received_ = place(received);
    std::int64_t size = 0;
    for (const auto& piece : sent_) {
        if (piece.offset + piece.length <= streamLimit) size = std::max(size, piece.offset + piece.length);
        longest_ = std::max(longest_, piece.length);
    }
    for (const auto& piece : received_) longest_ = std::max(longest_, piece.length);
    bytes_.assign(static_cast<std::size_t>(size), '\0');
    for (const PacketRecord* p : sent) {
        const auto& payload = p->packet.payload;
        const auto offset = static_cast<std::int64_t>(static_cast<std::uint32_t>(p->packet.tcp()->sequence - base_));
        if (payload.empty() || offset + static_cast<std::int64_t>(payload.size()) > streamLimit) continue;
        std::copy(payload.begin(), payload.end(), bytes_.begin() + offset);
    }
}

std::vector<MscByteStream::Piece> MscByteStream::place(const std::vector<const PacketRecord*>& records) const {
    std::vector<Piece> pieces;
    for (const PacketRecord* p : records) {
        if (p->packet.payload.empty()) continue;
        const auto offset = static_cast<std::int64_t>(static_cast<std::uint32_t>(p->packet.tcp()->sequence - base_));
        pieces.push_back(Piece{offset, static_cast<std::int64_t>(p->packet.payload.size()), p->time});
    }
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.offset < b.offset; });
    return pieces;
}

std::optional<Time> MscByteStream::earliestCovering(const std::vector<Piece>& sorted, std::int64_t offset) const {
    auto it = std::upper_bound(sorted.begin(), sorted.end(), offset,
                               [](std::int64_t value, const Piece& piece) { return value < piece.offset; });
    std::optional<Time> best;
    while (it != sorted.begin()) {
        --it;
        if (it->offset + longest_ <= offset) break;  // no piece further left can reach this byte
        if (offset < it->offset + it->length && (!best || it->time < *best)) best = it->time;
    }
    return best;
}

std::optional<CarriedTimes> MscByteStream::findLine(const std::string& text) {
    std::size_t length = text.size() + 2;
    std::size_t at = bytes_.find(text + "\r\n", cursor_);
    if (at == std::string::npos) {
        length = text.size();
        at = bytes_.find(text, cursor_);
    }
    if (at == std::string::npos || length == 0) return std::nullopt;
    const auto first = static_cast<std::int64_t>(at);
    const auto last = static_cast<std::int64_t>(at + length - 1);
    const auto sent = earliestCovering(sent_, first);
    if (!sent) return std::nullopt;
    cursor_ = at + length;
    auto received = earliestCovering(received_, last);
    if (received) {
        if (lastArrival_ && *received < *lastArrival_) received = lastArrival_;
        lastArrival_ = received;
    }
    return CarriedTimes{*sent, received};
}

Time MscByteStream::firstSent() const {
    return std::min_element(sent_.begin(), sent_.end(), [](const Piece& a, const Piece& b) { return a.time < b.time; })->time;
}

Time MscByteStream::lastReceived() const {
    return std::max_element(received_.begin(), received_.end(), [](const Piece& a, const Piece& b) { return a.time < b.time; })
        ->time;
}

}  // namespace netstage::trace
