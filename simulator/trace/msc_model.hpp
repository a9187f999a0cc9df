#pragma once
// A message sequence chart of a run, as plain data: lifelines and arrows with
// their real send and receive times. Built once from a TraceLog; the layout,
// the SVG and Mermaid/PlantUML writers and the GUI all read this, so every
// view shows the same chart.
//
// An application arrow comes from a `line` event (docs/trace-events.md); its
// times come from the packets that carried the line: the sender's Sent time of
// the segment holding the line's first byte, and the receiver's Received time
// of the segment holding its last byte (never earlier than the previous line
// in that direction, because TCP delivers in order). So arrows slant by the
// real delay, retransmissions included.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "simulator/core/time.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::trace {

enum class MscLifelines : std::uint8_t {
    PerHost,         // one lifeline per host
    PerApplication,  // one per application: "crepes.fr / mail server", "alice-pc / user agent"
};

struct MscOptions {
    MscLifelines lifelines = MscLifelines::PerHost;
    // Layers: application messages (lines, DNS queries and answers) and TCP
    // segments without payload (SYN, SYN-ACK, ACK, FIN, RST).
    bool applicationMessages = true;
    bool tcpSegments = false;
    // Only these protocols ("smtp", "pop3", "imap", "ftp", "dns"; lower case);
    // empty means all. TCP segments belong to the protocol of their connection.
    std::vector<std::string> protocols;
    // Only these connections ("10.0.1.10:49152-10.0.2.10:25", client first);
    // empty means all.
    std::vector<std::string> connections;
};

struct MscLifeline {
    std::string host;         // "crepes.fr"
    std::string application;  // "mail server"; empty per host
    std::string label() const { return application.empty() ? host : host + " " + application; }
};

enum class MscArrowKind : std::uint8_t {
    Message,  // an application line, or a DNS query or answer
    Segment,  // a TCP segment without payload
};

// How a connection is used; FTP control and data connections are drawn differently.
enum class MscConnectionRole : std::uint8_t { Session, Control, Data };

struct MscArrow {
    MscArrowKind kind = MscArrowKind::Message;
    std::size_t from = 0;  // lifeline index
    std::size_t to = 0;
    Time sent;
    Time received;       // equals sent when the arrow is lost
    bool lost = false;   // a segment that was dropped and never arrived
    bool timed = true;   // false when no packet carrying it was found (times from the event)
    std::string label;        // "HELO crepes.fr", "SYN", "MX? hamburger.edu"
    std::string protocol;     // "smtp", "pop3", "dns", ...
    std::string connection;   // client end first; for DNS "client-server:53"
    MscConnectionRole role = MscConnectionRole::Session;
    std::size_t record = 0;   // index into TraceLog::records of the event (Message) or packet (Segment)
    std::size_t connectionIndex = 0;  // into MscChart::connections
};

// One connection (or DNS exchange) of the chart. Connections that overlap in
// time between the same two lifelines are drawn apart, each in a lane of its
// own (msc_connections.hpp).
struct MscConnection {
    std::string id;        // MscArrow::connection: "10.0.1.10:49152-10.0.2.10:25"
    std::string protocol;
    std::size_t from = 0;  // lifelines of its first arrow
    std::size_t to = 0;
    Time first;            // first send
    Time last;             // last send or arrival
    std::size_t lane = 0;  // 0, or which lane among those it overlaps with
    bool concurrent = false;  // overlaps another connection between the same two lifelines
    std::string ports() const;  // ":49152 → :25"; the client's port first
};

struct MscChart {
    std::string title;  // the scenario's title, or the trace header's scenario name
    std::vector<MscLifeline> lifelines;
    std::vector<MscArrow> arrows;  // by send time, then by trace order
    std::vector<MscConnection> connections;  // in order of first arrow
    Time start;  // earliest send time of any arrow (zero when there are none)
    Time end;    // latest receive time of any arrow
};

MscChart buildMsc(const TraceLog& log, const MscOptions& options = {});

std::string toString(MscConnectionRole role);

}  // namespace netstage::trace
