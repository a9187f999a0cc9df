#include "gui/model/packet_hop.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "gui/model/format.hpp"
#include "simulator/packet/tcp_flag_names.hpp"
#include "simulator/trace/protocol_table.hpp"

namespace netstage::gui {

namespace {
std::string flagsText(const TcpHeader& tcp) {
    const std::string names = tcpFlagNames(tcp.flags);
    return names.empty() ? "TCP" : names;
}

bool isText(const Bytes& payload) {
    for (std::uint8_t byte : payload) {
        if (byte < 0x20 && byte != '\r' && byte != '\n' && byte != '\t') return false;
    }
    return true;
}

std::string firstLine(const Bytes& payload) {
    constexpr std::size_t maxChars = 34;  // a label wider than a link hides the picture
    std::string line;
    std::size_t lines = 0;
    std::size_t i = 0;
    while (i < payload.size()) {
        const auto c = static_cast<char>(payload[i]);
        if (c == '\n') {
            ++lines;
        } else if (c != '\r' && lines == 0) {
            line += c;
        }
        ++i;
    }
    if (!payload.empty() && payload.back() != '\n') ++lines;
    // Cut at a character boundary: never inside a UTF-8 sequence.
    if (line.size() > maxChars) {
        std::size_t cut = maxChars;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        line = line.substr(0, cut) + "\u2026";
    }
    if (lines > 1) line += "  (+" + std::to_string(lines - 1) + " lines)";
    return line;
}

constexpr Time minimumDropLinger = Time::fromMilliseconds(2);
}  // namespace

std::string_view toString(ProtocolKind kind) {
    switch (kind) {
    case ProtocolKind::Smtp: return "SMTP";
    case ProtocolKind::Pop3: return "POP3";
    case ProtocolKind::Imap: return "IMAP";
    case ProtocolKind::FtpControl: return "FTP";
    case ProtocolKind::Dns: return "DNS";
    case ProtocolKind::Http: return "HTTP";
    case ProtocolKind::Data: break;
    }
    return "data";
}

ProtocolKind classifyPacket(const Packet& packet) {
    const trace::WellKnownPort* port = nullptr;
    if (const auto* tcp = packet.tcp()) {
        port = trace::wellKnownPort(tcp->sourcePort);
        if (port == nullptr) port = trace::wellKnownPort(tcp->destinationPort);
    } else if (const auto* udp = packet.udp()) {
        port = trace::wellKnownPort(udp->sourcePort);
        if (port == nullptr) port = trace::wellKnownPort(udp->destinationPort);
    }
    // FTP's data connections (port 20, or a passive port) are drawn as bulk data.
    if (port == nullptr || port->role == "data") return ProtocolKind::Data;
    if (port->protocol == "smtp") return ProtocolKind::Smtp;
    if (port->protocol == "pop3") return ProtocolKind::Pop3;
    if (port->protocol == "imap") return ProtocolKind::Imap;
    if (port->protocol == "ftp") return ProtocolKind::FtpControl;
    if (port->protocol == "dns") return ProtocolKind::Dns;
    if (port->protocol == "http") return ProtocolKind::Http;
    return ProtocolKind::Data;
}

bool isControlSegment(const Packet& packet) { return packet.tcp() != nullptr && packet.payload.empty(); }

std::string packetLabel(const Packet& packet, ProtocolKind kind) {
    if (const auto* tcp = packet.tcp(); tcp != nullptr && packet.payload.empty()) return flagsText(*tcp);
    if (kind == ProtocolKind::Dns) {
        const auto* udp = packet.udp();
        return udp != nullptr && udp->destinationPort == 53 ? "DNS query" : "DNS answer";
    }
    if (kind != ProtocolKind::Data && isText(packet.payload)) return firstLine(packet.payload);
    return formatBytes(static_cast<std::int64_t>(packet.payload.size()));
}

double PacketHop::progressAt(Time t) const {
    if (t <= start) return 0.0;
    if (t >= arrival || arrival <= start) return 1.0;
    return static_cast<double>((t - start).nanoseconds()) / static_cast<double>((arrival - start).nanoseconds());
}

void PacketMotionBuilder::add(const trace::Record& entry, std::size_t index, const Topology& topology) {
    PacketMotion& motion = motion_;
    const auto* record = std::get_if<trace::PacketRecord>(&entry);
    if (record == nullptr) return;
    const LinkInfo* link = topology.findLink(record->link);
    const ProtocolKind kind = classifyPacket(record->packet);
    if (record->action == trace::PacketAction::Sent || record->action == trace::PacketAction::Forwarded) {
        if (link == nullptr) return;
        PacketHop hop;
        hop.recordIndex = index;
        hop.uid = record->packet.uid;
        hop.link = record->link;
        hop.from = record->node;
        hop.to = link->otherEnd(record->node);
        hop.start = record->time;
        const Time transmission =
            link->bitsPerSecond > 0
                ? transmissionTime(static_cast<std::int64_t>(record->packet.wireSize()), link->bitsPerSecond)
                : Time::zero();
        hop.arrival = record->time + transmission + link->delay;
        hop.protocol = kind;
        hop.control = isControlSegment(record->packet);
        if (const auto* tcp = record->packet.tcp()) hop.tcpFlags = tcp->flags;
        hop.label = packetLabel(record->packet, kind);
        hop.summary = formatBytes(static_cast<std::int64_t>(record->packet.wireSize())) + " " + hop.label;
        motion.longestHop = std::max(motion.longestHop, hop.arrival - hop.start);
        lastHop_[{hop.uid, hop.link}] = motion.hops.size();
        motion.hops.push_back(std::move(hop));
    } else if (record->action == trace::PacketAction::Dropped) {
        DropMark mark;
        mark.recordIndex = index;
        mark.uid = record->packet.uid;
        mark.time = record->time;
        mark.node = record->node;
        mark.link = record->link;
        mark.reason = record->reason;
        mark.protocol = kind;
        mark.shownFrom = record->time;
        mark.shownUntil = record->time + minimumDropLinger;
        const auto hop = lastHop_.find({mark.uid, mark.link});
        if (record->reason == "loss" && hop != lastHop_.end() && !motion.hops[hop->second].lost) {
            PacketHop& lostHop = motion.hops[hop->second];
            lostHop.lost = true;
            mark.onWire = true;
            // It vanishes half way: the receiver never sees it, the sender
            // cannot know where it died; the middle says "on the wire".
            const Time duration = lostHop.arrival - lostHop.start;
            mark.shownFrom = lostHop.start + duration / 2;
            mark.shownUntil = std::max(lostHop.arrival + duration, mark.time + minimumDropLinger);
        } else if (link != nullptr) {
            mark.shownUntil = record->time + std::max(link->delay, minimumDropLinger);
        }
        // Kept in order of shownFrom, a mark after the ones that show from the same time.
        const auto at = std::upper_bound(motion.drops.begin(), motion.drops.end(), mark.shownFrom,
                                         [](Time t, const DropMark& m) { return t < m.shownFrom; });
        motion.drops.insert(at, std::move(mark));
    }
}

PacketMotion readPacketMotion(const trace::TraceLog& log, const Topology& topology) {
    PacketMotionBuilder builder;
    for (std::size_t index = 0; index < log.records.size(); ++index) builder.add(log.records[index], index, topology);
    return std::move(builder).take();
}

}  // namespace netstage::gui
