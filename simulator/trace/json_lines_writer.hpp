#pragma once
// Writes a run as JSON Lines (docs/trace-format.md): a header line, one line
// per record, an end line. Integers only, fixed key order, no pointers, so
// the same run always gives the same bytes.

#include <ostream>
#include <string>

#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

inline constexpr int traceFormatVersion = 1;

class JsonLinesWriter : public TraceSink {
public:
    explicit JsonLinesWriter(std::ostream& out) : out_{out} {}

    // Throws std::logic_error if a record comes before onStart or after
    // onFinish, and std::invalid_argument for an Event with a repeated
    // field name (a JSON object cannot hold it).
    void onStart(const TraceHeader& header) override;
    void onPacket(const PacketEvent& event) override;
    void onEvent(const Event& event) override;
    void onFinish(Time end) override;

private:
    void writeLine(const std::string& line);
    void requireOpen() const;

    std::ostream& out_;
    bool started_ = false;
    bool finished_ = false;
};

}  // namespace netstage::trace
