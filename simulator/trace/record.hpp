#pragma once
// Owned trace records. A PacketEvent only borrows the live packet and node
// name; a Record keeps its own copies, so it outlives the run and can be
// stored, compared, written and replayed.

#include <string>
#include <variant>
#include <vector>

#include "simulator/trace/trace_event.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

struct PacketRecord {
    Time time;
    std::uint32_t node = 0;
    std::string nodeName;
    std::int32_t link = -1;
    PacketAction action = PacketAction::Sent;
    std::string reason;
    Packet packet;

    static PacketRecord from(const PacketEvent& event);
    // A PacketEvent borrowing this record's strings and packet.
    PacketEvent view() const;
};

// Same time, node, link, action, reason, uid and wire bytes (the wire bytes
// carry every other header field and the payload).
bool operator==(const PacketRecord& a, const PacketRecord& b);

using Record = std::variant<PacketRecord, Event>;

Time timeOf(const Record& record);

// A whole run: what onStart, the records and onFinish carried.
struct TraceLog {
    TraceHeader header;
    std::vector<Record> records;
    Time end;
};
bool operator==(const TraceLog& a, const TraceLog& b);

// Plays a stored run into a sink exactly as the live run did.
void replay(const TraceLog& log, TraceSink& sink);

}  // namespace netstage::trace
