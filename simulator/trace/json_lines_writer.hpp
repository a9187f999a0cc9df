#pragma once
// Writes a run as JSON Lines (docs/trace-format.md): a header line, one line
// per record, an end line. Integers only, fixed key order, no pointers, so
// the same run always gives the same bytes.
//
// A packet's bytes are written once: its first record carries them (and its
// summary), a later record of the same packet with the same bytes carries
// none, and one whose bytes differ only in the IPv4 header (a router
// decremented the TTL) carries that header alone. A packet is forgotten once
// it is received or dropped, so what is kept is what is in flight.

#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_map>

#include "simulator/packet/packet.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

inline constexpr int traceFormatVersion = 2;

class JsonLinesWriter : public TraceSink {
public:
    explicit JsonLinesWriter(std::ostream& out) : out_{out} {}
    // Hands what is still buffered to the stream (a run cut short).
    ~JsonLinesWriter() override;
    JsonLinesWriter(const JsonLinesWriter&) = delete;
    JsonLinesWriter& operator=(const JsonLinesWriter&) = delete;

    // Throws std::logic_error if a record comes before onStart or after
    // onFinish, and std::invalid_argument for an Event with a repeated
    // field name (a JSON object cannot hold it).
    void onStart(const TraceHeader& header) override;
    void onPacket(const PacketEvent& event) override;
    void onEvent(const Event& event) override;
    void onFinish(Time end) override;

    // The errno of the first write the stream refused (0 if none): lines go
    // out in large writes during the run, so by the time the file is closed
    // the reason would be gone.
    int writeErrno() const { return writeErrno_; }

    // Hands the lines gathered so far to the stream, so a trace written while
    // a live world runs can be read as it grows (TraceFiles::flush).
    void flush() { drain(); }

private:
    void appendPacketBytes(const PacketEvent& event);
    void endLine();
    void drain();
    void requireOpen() const;

    std::ostream& out_;
    // Lines gather here and reach the stream in large writes: a stream
    // writes a line of a kilobyte or more with a system call of its own.
    std::string pending_;
    Bytes wire_;  // scratch for the current packet's bytes
    // Lookups only, never iterated: the output does not depend on its order.
    std::unordered_map<std::uint64_t, Packet> inFlight_;  // uid -> the packet as last written
    int writeErrno_ = 0;
    bool started_ = false;
    bool finished_ = false;
};

}  // namespace netstage::trace
