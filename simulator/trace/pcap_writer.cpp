#include "simulator/trace/pcap_writer.hpp"

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
void write(std::ostream& out, const std::uint8_t* data, std::size_t size) {
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

}  // namespace

PcapWriter::PcapWriter(std::ostream& out) : out_{out} {
    std::uint8_t header[24] = {};
    put32(header, 0xa1b2c3d4);  // microsecond timestamps
    put16(header + 4, 2);
    put16(header + 6, 4);
    // thiszone and sigfigs stay 0
    put32(header + 16, snapLength);
    put32(header + 20, linkTypeRaw);
    write(out_, header, sizeof header);
}

void PcapWriter::onPacket(const PacketEvent& event) {
    if (event.action != PacketAction::Sent) return;
    buffer_.resize(recordHeaderSize);
    appendWire(event.packet, buffer_);
    const auto length = static_cast<std::uint32_t>(buffer_.size() - recordHeaderSize);
    const std::int64_t ns = event.time.nanoseconds();
    put32(buffer_.data(), static_cast<std::uint32_t>(ns / 1'000'000'000));
    put32(buffer_.data() + 4, static_cast<std::uint32_t>(ns % 1'000'000'000 / 1'000));
    put32(buffer_.data() + 8, length);   // captured length: never truncated, wire size <= snaplen
    put32(buffer_.data() + 12, length);  // original length
    write(out_, buffer_.data(), buffer_.size());
    ++written_;
}

void PcapWriter::onFinish(Time /*end*/) { out_.flush(); }

}  // namespace netstage::trace
