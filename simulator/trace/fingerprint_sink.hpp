#pragma once
// The run fingerprint: one 64-bit value summarising every packet event, so a
// regression test can say "same run" in 16 hex digits. Attached to every run,
// with wantsEvents = false; it costs one serialisation into a reused buffer
// and one pass of Hash64 per packet event.
//
// Definition (docs/trace-format.md): for each packet event in order, hash
//   word 0: time in nanoseconds (int64, little-endian)
//   word 1: node id (bits 0-31) | action (bits 32-39) | wire length (bits 40-55)
//   then the wire bytes (wire_format.hpp), zero-padded to a multiple of 32.
// Events, uids, node names, links and drop reasons are not part of it.

#include <cstdint>
#include <string>

#include "simulator/packet/packet.hpp"
#include "simulator/trace/hash64.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

class FingerprintSink : public TraceSink {
public:
    void onPacket(const PacketEvent& event) override;
    void onEvent(const Event& /*event*/) override {}

    std::uint64_t value() const { return hash_.value(); }
    std::string hex() const;  // 16 lowercase hex digits
    std::uint64_t packetEvents() const { return count_; }

private:
    Hash64 hash_;
    Bytes buffer_;
    std::uint64_t count_ = 0;
};

std::string toHex64(std::uint64_t value);

}  // namespace netstage::trace
