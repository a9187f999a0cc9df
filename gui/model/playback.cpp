#include "gui/model/playback.hpp"

#include <algorithm>
#include <utility>

namespace netstage::gui {

namespace {
// Records that change the network drawn (topology.cpp reads them).
bool announcesNetwork(const trace::Record& record) {
    const auto* event = std::get_if<trace::Event>(&record);
    if (event == nullptr) return false;
    return event->is("topology", "node") || event->is("topology", "link") || event->is("scenario", "host") ||
           event->is("scenario", "title");
}
}  // namespace

Playback::Playback(trace::TraceLog log)
    : log_{std::move(log)}, topology_{readTopology(log_)}, transcript_{readTranscript(log_)} {
    for (std::size_t index = 0; index < log_.records.size(); ++index) motion_.add(log_.records[index], index, topology_);
}

Playback::~Playback() = default;

Playback::Growth Playback::append(std::vector<trace::Record> records, Time end) {
    Growth growth;
    growth.firstRecord = log_.records.size();
    if (!transcriptBuilder_) {
        transcriptBuilder_ = std::make_unique<trace::TranscriptBuilder>();
        for (std::size_t index = 0; index < log_.records.size(); ++index) {
            if (const auto* event = std::get_if<trace::Event>(&log_.records[index])) transcriptBuilder_->add(*event, index);
        }
    }
    const std::size_t messagesBefore = transcriptBuilder_->transcript().messages.size();
    const std::size_t blocksBefore = transcriptBuilder_->transcript().blocks.size();
    for (auto& record : records) {
        const std::size_t index = log_.records.size();
        if (announcesNetwork(record)) growth.topologyChanged = true;
        if (const auto* packet = std::get_if<trace::PacketRecord>(&record);
            packet != nullptr && !packet->nodeName.empty() && topology_.findNode(packet->node) == nullptr &&
            topology_.findNode(packet->nodeName) == nullptr) {
            growth.topologyChanged = true;
        }
        log_.records.push_back(std::move(record));
        if (const auto* event = std::get_if<trace::Event>(&log_.records.back())) transcriptBuilder_->add(*event, index);
        if (growth.topologyChanged) continue;  // the motion is read again below, on the new network
        motion_.add(log_.records.back(), index, topology_);
    }
    if (growth.topologyChanged) {
        topology_ = readTopology(log_);
        motion_ = PacketMotionBuilder{};
        for (std::size_t index = 0; index < log_.records.size(); ++index) motion_.add(log_.records[index], index, topology_);
    }
    const auto& built = transcriptBuilder_->transcript();
    growth.transcriptChanged = built.messages.size() != messagesBefore || built.blocks.size() != blocksBefore;
    if (growth.transcriptChanged) transcript_ = readTranscript(built);
    log_.end = std::max(end, log_.records.empty() ? end : trace::timeOf(log_.records.back()));
    return growth;
}

void Playback::applyUpTo(std::size_t position) {
    position = std::min(position, log_.records.size());
    if (position < position_) {
        // Going back: fold again from the start. Events are few next to
        // packets, so this stays cheap even for long traces.
        state_ = WorldState{};
        position_ = 0;
    }
    for (; position_ < position; ++position_) {
        if (const auto* event = std::get_if<trace::Event>(&log_.records[position_])) state_.apply(*event);
    }
}

void Playback::seekTime(Time t) {
    t = std::clamp(t, Time::zero(), std::max(log_.end, Time::zero()));
    const auto after = std::upper_bound(log_.records.begin(), log_.records.end(), t,
                                        [](Time value, const trace::Record& r) { return value < trace::timeOf(r); });
    applyUpTo(static_cast<std::size_t>(after - log_.records.begin()));
    time_ = t;
}

void Playback::seekPosition(std::size_t position) {
    position = std::min(position, log_.records.size());
    applyUpTo(position);
    time_ = position == 0 ? Time::zero() : trace::timeOf(log_.records[position - 1]);
}

void Playback::seekMessage(std::size_t message) {
    if (message >= messages().size()) return;
    seekPosition(messages()[message].recordIndex + 1);
}

void Playback::home() { seekPosition(0); }

void Playback::end() {
    applyUpTo(log_.records.size());
    time_ = std::max(log_.end, log_.records.empty() ? Time::zero() : trace::timeOf(log_.records.back()));
}

std::optional<std::size_t> Playback::currentMessage() const {
    const auto& all = messages();
    const auto after = std::lower_bound(all.begin(), all.end(), position_,
                                        [](const AppMessage& m, std::size_t p) { return m.recordIndex < p; });
    if (after == all.begin()) return std::nullopt;
    return static_cast<std::size_t>(after - all.begin()) - 1;
}

std::optional<std::size_t> Playback::currentHop() const {
    const auto& all = hops();
    const auto after = std::lower_bound(all.begin(), all.end(), position_,
                                        [](const PacketHop& h, std::size_t p) { return h.recordIndex < p; });
    if (after == all.begin()) return std::nullopt;
    return static_cast<std::size_t>(after - all.begin()) - 1;
}

bool Playback::nextMessage() {
    const auto current = currentMessage();
    const std::size_t next = current ? *current + 1 : 0;
    if (next >= messages().size()) return false;
    seekMessage(next);
    return true;
}

bool Playback::previousMessage() {
    const auto current = currentMessage();
    if (!current) {
        if (position_ == 0 && time_ == Time::zero()) return false;
        home();
        return true;
    }
    // Standing past the current line (after playing on): back to it first.
    const AppMessage& standing = messages()[*current];
    if (position_ > standing.recordIndex + 1 || time_ > standing.time) {
        seekMessage(*current);
    } else if (*current == 0) {
        home();
    } else {
        seekMessage(*current - 1);
    }
    return true;
}

bool Playback::nextPacket() {
    const auto current = currentHop();
    const std::size_t next = current ? *current + 1 : 0;
    if (next >= hops().size()) return false;
    seekPosition(hops()[next].recordIndex + 1);
    return true;
}

bool Playback::previousPacket() {
    const auto current = currentHop();
    if (!current) {
        if (position_ == 0 && time_ == Time::zero()) return false;
        home();
        return true;
    }
    const PacketHop& standing = hops()[*current];
    if (position_ > standing.recordIndex + 1 || time_ > standing.start) {
        seekPosition(standing.recordIndex + 1);
    } else if (*current == 0) {
        home();
    } else {
        seekPosition(hops()[*current - 1].recordIndex + 1);
    }
    return true;
}

std::vector<const PacketHop*> Playback::hopsInFlight() const {
    std::vector<const PacketHop*> out;
    const auto& all = hops();
    const Time earliest = time_ - longestHop();
    auto it = std::lower_bound(all.begin(), all.end(), earliest,
                               [](const PacketHop& h, Time t) { return h.start < t; });
    for (; it != all.end() && it->start <= time_; ++it) {
        // A hop whose record has not happened yet (same instant, later
        // record) is not on the wire yet: stepping must show exactly the past.
        if (it->recordIndex >= position_) break;
        if (time_ < it->arrival) out.push_back(&*it);
    }
    return out;
}

std::vector<const DropMark*> Playback::dropsShown() const {
    std::vector<const DropMark*> out;
    for (const auto& mark : drops()) {
        if (mark.shownFrom > time_) break;
        if (time_ < mark.shownUntil && (mark.onWire || mark.recordIndex < position_)) out.push_back(&mark);
    }
    return out;
}

std::optional<Time> Playback::nextRecordTime() const {
    const auto after = std::upper_bound(log_.records.begin(), log_.records.end(), time_,
                                        [](Time value, const trace::Record& r) { return value < trace::timeOf(r); });
    if (after == log_.records.end()) return std::nullopt;
    return trace::timeOf(*after);
}

}  // namespace netstage::gui
