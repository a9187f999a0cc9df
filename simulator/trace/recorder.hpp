#pragma once

#include "simulator/trace/record.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

// Keeps an owned copy of every record, in order: what tests assert on and
// what the GUI plays back.
class Recorder : public TraceSink {
public:
    void onStart(const TraceHeader& header) override;
    void onPacket(const PacketEvent& event) override;
    void onEvent(const Event& event) override;
    void onFinish(Time end) override;

    const TraceLog& log() const { return log_; }
    const std::vector<Record>& records() const { return log_.records; }
    bool finished() const { return finished_; }
    void clear();

private:
    TraceLog log_;
    bool finished_ = false;
};

}  // namespace netstage::trace
