#pragma once
// A classic libpcap capture of the run, readable by Wireshark and tcpdump.
// Link type RAW (101): each record is a bare IPv4 datagram, since the
// simulator has no Ethernet. Only PacketAction::Sent is written, so each
// packet appears once, at its origin host, as if captured at every sender's
// NIC; timestamps are simulated time. Everything is written little-endian
// regardless of the host, so the file is byte-identical everywhere.

#include <ostream>

#include "simulator/packet/packet.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

class PcapWriter : public TraceSink {
public:
    static constexpr std::uint32_t snapLength = 65535;
    static constexpr std::uint32_t linkTypeRaw = 101;

    // Writes the 24-byte global header at once, so even an empty run gives a
    // valid capture.
    explicit PcapWriter(std::ostream& out);

    void onPacket(const PacketEvent& event) override;
    void onEvent(const Event& /*event*/) override {}
    void onFinish(Time end) override;

    std::uint64_t packetsWritten() const { return written_; }

private:
    std::ostream& out_;
    Bytes buffer_;
    std::uint64_t written_ = 0;
};

}  // namespace netstage::trace
