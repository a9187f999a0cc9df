#pragma once
// A classic libpcap capture of the run, readable by Wireshark and tcpdump.
// Link type RAW (101): each record is a bare IPv4 datagram, since the
// simulator has no Ethernet. Everything is written little-endian regardless
// of the host, so the file is byte-identical everywhere.
//
// Where the capture is taken (docs/trace-format.md, "Packet captures"):
//  - by default, at every host's receiving interface: each packet is written
//    once, when it arrives at the host it is addressed to. A packet lost on
//    the way is not in the capture, so Wireshark sees the gap and marks the
//    resend as a retransmission, exactly as a sniffer at the receiver would.
//  - at one node (PcapCapture::atNode): every packet that leaves one of its
//    interfaces (when transmission starts) and every packet that arrives at
//    one of them, as `tcpdump -i any` on that machine would see. At a router
//    a forwarded packet therefore appears twice, in and out.
// Timestamps are simulated time counted from the world's calendar
// (core/world_epoch.hpp), so they carry the same date as the mail headers.
//
// Arrivals are read from the trace alone: a packet put on a link by one node
// has arrived at the next node that records it (received, queued, forwarded
// or dropped there); a record at the sender again means it was lost on the
// wire. So the GUI can write the same capture from a saved trace.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>

#include "simulator/core/world_epoch.hpp"
#include "simulator/packet/packet.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

struct PcapCapture {
    std::optional<std::string> atNode;  // empty: every host's receiving interface
    std::int64_t epochUnixSeconds = worldEpochUnixSeconds;  // wall-clock date of simulated time 0
};

class PcapWriter : public TraceSink {
public:
    static constexpr std::uint32_t snapLength = 65535;
    static constexpr std::uint32_t linkTypeRaw = 101;

    // Writes the 24-byte global header at once, so even an empty run gives a
    // valid capture.
    explicit PcapWriter(std::ostream& out, PcapCapture capture = {});

    void onPacket(const PacketEvent& event) override;
    void onEvent(const Event& /*event*/) override {}
    void onFinish(Time end) override;

    std::uint64_t packetsWritten() const { return written_; }

private:
    // True when this record is the packet arriving at event.node from a link.
    bool arrives(const PacketEvent& event);
    bool captured(const PacketEvent& event, bool arrived) const;
    void write(Time time, const Packet& packet);

    std::ostream& out_;
    PcapCapture capture_;
    Bytes buffer_;
    std::uint64_t written_ = 0;
    // Packets on a link, by uid: the node that put them there. Only looked
    // up by key, never iterated, so the hash order cannot reach the output.
    std::unordered_map<std::uint64_t, std::uint32_t> onWire_;
};

}  // namespace netstage::trace
