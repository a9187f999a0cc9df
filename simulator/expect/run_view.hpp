#pragma once
// A finished run as the evaluators read it: the trace, and what is built from
// it once and shared (the transcript, the sequence chart, the hosts'
// addresses from the topology events), plus the world's final state when
// there is one. Nothing here re-reads packet bytes for meaning.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "simulator/expect/world_state.hpp"
#include "simulator/packet/ipv4_address.hpp"
#include "simulator/trace/msc_model.hpp"
#include "simulator/trace/record.hpp"
#include "simulator/trace/transcript.hpp"

namespace netstage::expect {

class RunView {
public:
    RunView(const trace::TraceLog& log, const WorldState* world) : log_{log}, world_{world} {}

    const trace::TraceLog& log() const { return log_; }
    const WorldState* world() const { return world_; }
    Time end() const { return log_.end; }

    const trace::Transcript& transcript();
    const trace::MscChart& chart(bool tcpSegments);
    // The host (or router) with this address, from the topology/node events; "" if none.
    std::string hostOf(Ipv4Address address);
    // A host's addresses, from the same events.
    const std::vector<Ipv4Address>& addressesOf(const std::string& host);

private:
    void readTopology();

    const trace::TraceLog& log_;
    const WorldState* world_;
    std::optional<trace::Transcript> transcript_;
    std::optional<trace::MscChart> charts_[2];
    bool topologyRead_ = false;
    std::map<Ipv4Address, std::string> hosts_;
    std::map<std::string, std::vector<Ipv4Address>> addresses_;
};

// "2.341 s": seconds with three decimals, from integers.
std::string formatTime(Time time);

}  // namespace netstage::expect
