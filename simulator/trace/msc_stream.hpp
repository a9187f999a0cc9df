#pragma once
// One direction of a TCP connection as a byte stream rebuilt from its packet
// records, so a sequence chart can tell which segments carried a line and so
// when the line left and when it arrived. Part of the chart model
// (msc_model.hpp); no view reads it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simulator/trace/record.hpp"

namespace netstage::trace {

struct CarriedTimes {
    Time sent;                    // earliest Sent of a segment holding the first byte
    std::optional<Time> received; // earliest Received of one holding the last byte; none if it never arrived
};

class MscByteStream {
public:
    // `sent` are the sender's Sent records, `received` the receiver's Received records,
    // of one direction. Offsets count from the byte after the SYN (`isn`), or from the
    // first data sent when the SYN is not in the trace.
    MscByteStream(std::optional<std::uint32_t> isn, const std::vector<const PacketRecord*>& sent,
                  const std::vector<const PacketRecord*>& received);

    // Finds the line (its text and CRLF, else the text alone) after the previous line
    // found, and returns when it was carried; nothing when no sent byte matches.
    // Arrivals never go backwards, because TCP delivers in order.
    std::optional<CarriedTimes> findLine(const std::string& text);

    bool empty() const { return sent_.empty() || received_.empty(); }
    Time firstSent() const;      // when the first data left (not empty())
    Time lastReceived() const;   // when the last data arrived (not empty())

private:
    struct Piece {
        std::int64_t offset = 0;
        std::int64_t length = 0;
        Time time;
    };
    std::vector<Piece> place(const std::vector<const PacketRecord*>& records) const;
    std::optional<Time> earliestCovering(const std::vector<Piece>& sorted, std::int64_t offset) const;

    std::uint32_t base_ = 0;
    std::vector<Piece> sent_;      // by offset
    std::vector<Piece> received_;  // by offset
    std::int64_t longest_ = 0;
    std::string bytes_;
    std::size_t cursor_ = 0;
    std::optional<Time> lastArrival_;
};

}  // namespace netstage::trace
