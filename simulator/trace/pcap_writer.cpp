#include "simulator/trace/pcap_writer.hpp"

#include <string_view>

#include "simulator/packet/wire_format.hpp"

namespace netstage::trace {

namespace {

constexpr std::size_t recordHeaderSize = 16;

void put16(std::uint8_t* p, std::uint16_t v) {
    p[0] = static_cast<std::uint8_t>(v);
    p[1] = static_cast<std::uint8_t>(v >> 8);
}
void put32(std::uint8_t* p, std::uint32_t v) {
    put16(p, static_cast<std::uint16_t>(v));
    put16(p + 2, static_cast<std::uint16_t>(v >> 16));
}
void writeBytes(std::ostream& out, const std::uint8_t* data, std::size_t size) {
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

// A host refused a packet that did reach its interface.
bool refusedByHost(std::string_view reason) {
    return reason == "port-unreachable" || reason == "protocol-unreachable" || reason == "not-a-router";
}

}  // namespace

PcapWriter::PcapWriter(std::ostream& out, PcapCapture capture) : out_{out}, capture_{std::move(capture)} {
    std::uint8_t header[24] = {};
    put32(header, 0xa1b2c3d4);  // microsecond timestamps
    put16(header + 4, 2);
    put16(header + 6, 4);
    // thiszone and sigfigs stay 0
    put32(header + 16, snapLength);
    put32(header + 20, linkTypeRaw);
    writeBytes(out_, header, sizeof header);
}

bool PcapWriter::arrives(const PacketEvent& event) {
    const std::uint64_t uid = event.packet.uid;
    bool arrived = false;
    if (const auto wire = onWire_.find(uid); wire != onWire_.end()) {
        // The next record of a packet on a link is either its arrival at
        // another node or, at the sender, its loss on the wire.
        arrived = wire->second != event.node;
        onWire_.erase(wire);
    }
    if (event.action == PacketAction::Sent || event.action == PacketAction::Forwarded) onWire_[uid] = event.node;
    return arrived;
}

bool PcapWriter::captured(const PacketEvent& event, bool arrived) const {
    if (capture_.atNode) {
        if (event.nodeName != *capture_.atNode) return false;
        const bool leaves = event.action == PacketAction::Sent || event.action == PacketAction::Forwarded;
        return arrived || leaves;
    }
    return arrived && (event.action == PacketAction::Received ||
                       (event.action == PacketAction::Dropped && refusedByHost(event.reason)));
}

void PcapWriter::onPacket(const PacketEvent& event) {
    const bool arrived = arrives(event);
    if (!captured(event, arrived)) return;
    const bool atHost = event.action == PacketAction::Received ||
                        (event.action == PacketAction::Dropped && (refusedByHost(event.reason) || event.reason == "ttl-expired"));
    if (arrived && !atHost) {
        // A router records an arriving packet once it has decremented the
        // TTL; on the incoming interface it still had one more.
        Packet incoming = event.packet;
        ++incoming.ip.ttl;
        write(event.time, incoming);
        // Nothing queued ahead of it: the same record is the packet leaving.
        if (event.action == PacketAction::Forwarded) write(event.time, event.packet);
        return;
    }
    write(event.time, event.packet);
}

void PcapWriter::write(Time time, const Packet& packet) {
    buffer_.resize(recordHeaderSize);
    appendWire(packet, buffer_);
    const auto length = static_cast<std::uint32_t>(buffer_.size() - recordHeaderSize);
    const std::int64_t ns = time.nanoseconds();
    put32(buffer_.data(), static_cast<std::uint32_t>(capture_.epochUnixSeconds + ns / 1'000'000'000));
    put32(buffer_.data() + 4, static_cast<std::uint32_t>(ns % 1'000'000'000 / 1'000));
    put32(buffer_.data() + 8, length);   // captured length: never truncated, wire size <= snaplen
    put32(buffer_.data() + 12, length);  // original length
    writeBytes(out_, buffer_.data(), buffer_.size());
    ++written_;
}

void PcapWriter::onFinish(Time /*end*/) { out_.flush(); }

}  // namespace netstage::trace
