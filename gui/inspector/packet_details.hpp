#pragma once
// What the packet inspector shows of one packet record, as plain data: the
// IPv4, TCP or UDP header fields (sequence and acknowledgement numbers both
// absolute and relative to the connection's initial sequence numbers), a
// decoded DNS message, the payload as text with CR and LF made visible, and
// the wire bytes as a hex dump.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "simulator/trace/record.hpp"

namespace netstage::gui {

struct DetailField {
    std::string name;
    std::string value;
};

struct DetailSection {
    std::string title;  // "Trace", "IPv4", "TCP", "UDP", "DNS"
    std::vector<DetailField> fields;
};

// A TCP number with its value relative to the connection's initial sequence
// number, when the SYN that chose it is in the trace.
struct RelativeNumber {
    std::uint32_t absolute = 0;
    std::optional<std::uint32_t> relative;
};

struct PacketDetails {
    std::size_t record = 0;
    std::string title;  // "Sent at crepes.fr, 102.345 ms: TCP 10.0.1.10:49152 -> 10.0.2.10:25"
    std::vector<DetailSection> sections;
    std::optional<RelativeNumber> sequence;         // TCP only
    std::optional<RelativeNumber> acknowledgement;  // TCP with ACK only
    std::string payloadText;  // "HELO crepes.fr␍␊" (a line break follows each ␊)
    std::string hexDump;      // the whole datagram as toWire() writes it
};

// The last packet record before `position` (records [0, position) have happened).
std::optional<std::size_t> packetRecordBefore(const trace::TraceLog& log, std::size_t position);

// Throws std::out_of_range when `record` is not a packet record of `log`.
PacketDetails describePacket(const trace::TraceLog& log, std::size_t record);

// Printable ASCII as is; CR, LF and TAB as ␍ ␊ ␉ (with a line break after
// ␊); other bytes as \xNN.
std::string visibleText(const Bytes& bytes);

// "0000  45 00 00 3c ...  E..<" lines, 16 bytes each.
std::string hexDump(const Bytes& bytes);

}  // namespace netstage::gui
