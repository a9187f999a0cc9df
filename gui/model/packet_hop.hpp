#pragma once
// What the topology view animates: one packet crossing one link. A hop starts
// when a node puts the packet on a link (Sent or Forwarded) and lasts its
// transmission time plus the link's propagation delay, exactly as the
// simulator scheduled its arrival. Drops are marks where they happened.

#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <string>
#include <vector>

#include "gui/model/topology.hpp"
#include "simulator/core/time.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::gui {

// Colour family of a packet, by well-known port.
enum class ProtocolKind { Smtp, Pop3, Imap, FtpControl, Data, Dns, Http };
std::string_view toString(ProtocolKind kind);  // "SMTP", "POP3", "IMAP", "FTP", "data", "DNS", "HTTP"
ProtocolKind classifyPacket(const Packet& packet);

// TCP segment without payload (SYN, ACK, FIN, RST): drawn as a small mark.
bool isControlSegment(const Packet& packet);
// Short text drawn on the packet: the first application line it carries
// ("MAIL FROM:<alice@crepes.fr>"), the flags of a control segment
// ("SYN, ACK"), or a size for data ("1460 B").
std::string packetLabel(const Packet& packet, ProtocolKind kind);

struct PacketHop {
    std::size_t recordIndex = 0;  // the Sent/Forwarded record
    std::uint64_t uid = 0;
    std::int32_t link = -1;
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    Time start;
    Time arrival;  // start + transmission + propagation
    bool lost = false;  // dropped on the wire (reason "loss")
    ProtocolKind protocol = ProtocolKind::Data;
    bool control = false;
    std::uint8_t tcpFlags = 0;  // of a TCP segment (tcp_flags::syn, ...); 0 for UDP
    std::string label;
    std::string summary;

    // 0 at the sender, 1 at the receiver; t outside the hop is clamped.
    double progressAt(Time t) const;
};

struct DropMark {
    std::size_t recordIndex = 0;
    std::uint64_t uid = 0;
    Time time;
    std::uint32_t node = 0;
    std::int32_t link = -1;
    std::string reason;
    bool onWire = false;  // lost mid-link rather than refused at a node
    ProtocolKind protocol = ProtocolKind::Data;
    Time shownFrom;  // the view shows the mark during [shownFrom, shownUntil)
    Time shownUntil;
};

struct PacketMotion {
    std::vector<PacketHop> hops;    // ordered by start (record order)
    std::vector<DropMark> drops;    // ordered by time
    Time longestHop;                // for searching hops in flight
};

PacketMotion readPacketMotion(const trace::TraceLog& log, const Topology& topology);

// Fed the records one by one (a live run grows): the same motion as
// readPacketMotion() over the records so far.
class PacketMotionBuilder {
public:
    void add(const trace::Record& record, std::size_t index, const Topology& topology);
    const PacketMotion& motion() const { return motion_; }
    PacketMotion take() && { return std::move(motion_); }

private:
    PacketMotion motion_;
    // The last hop of each packet on each link: a "loss" drop refers to it.
    std::map<std::pair<std::uint64_t, std::int32_t>, std::size_t> lastHop_;
};

}  // namespace netstage::gui
