#pragma once
// One trace record as a line of the event list: when, where, which layer
// and protocol, and a one-line summary. Plain data, computed once per record.

#include <cstddef>
#include <string>

#include "simulator/trace/connection_key.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::gui {

struct EventRow {
    std::size_t record = 0;  // index into TraceLog::records
    Time time;
    std::string timeText;    // "102.345" (milliseconds)
    std::string host;        // node name; empty for world-level events
    std::string layer;       // "packet" for packet records, else the event's layer
    std::string protocol;    // "smtp", "pop3", "imap", "ftp", "dns"; empty when none applies
    std::string summary;
};

EventRow describeRecord(const trace::Record& record, std::size_t index);

// Only the layer and protocol columns: what the filters need, without the
// cost of the summary.
struct RecordClass {
    std::string layer;
    std::string protocol;
};
RecordClass classifyRecord(const trace::Record& record);

// A packet between the key's two ends, either way, or an event whose
// `connection` field names them (in either order: TCP's events write the
// host's own end first).
bool recordInConnection(const trace::Record& record, const trace::ConnectionKey& key);

}  // namespace netstage::gui
