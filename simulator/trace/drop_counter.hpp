#pragma once
// Counts the packets a run lost, by reason ("loss", "link-down",
// "queue-full", ...), for the run's summary. Packets only: it never asks
// for text events, so it costs a run nothing it would not pay anyway.

#include <cstdint>
#include <map>
#include <string>

#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

class DropCounter : public TraceSink {
public:
    void onPacket(const PacketEvent& event) override {
        if (event.action == PacketAction::Dropped) ++drops_[std::string{event.reason}];
    }
    void onEvent(const Event& /*event*/) override {}

    // Reason -> packets, in the order of the reasons' names.
    const std::map<std::string, std::uint64_t>& drops() const { return drops_; }

private:
    std::map<std::string, std::uint64_t> drops_;
};

}  // namespace netstage::trace
