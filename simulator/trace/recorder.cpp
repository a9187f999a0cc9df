#include "simulator/trace/recorder.hpp"

namespace netstage::trace {

void Recorder::onStart(const TraceHeader& header) { log_.header = header; }

void Recorder::onPacket(const PacketEvent& event) { log_.records.emplace_back(PacketRecord::from(event)); }

void Recorder::onEvent(const Event& event) { log_.records.emplace_back(event); }

void Recorder::onFinish(Time end) {
    log_.end = end;
    finished_ = true;
}

void Recorder::clear() {
    log_ = TraceLog{};
    finished_ = false;
}

}  // namespace netstage::trace
