// TCP: who opened or closed a connection (tcp/state events, the host's own
// end first), retransmissions (tcp/retransmit) and lost segments (dropped
// packet records).
#include "simulator/expect/evaluators.hpp"
#include "simulator/trace/connection_key.hpp"

namespace netstage::expect::detail {

ExpectationResult evaluateTcpConnection(const TcpConnection& what, const TimeBounds& time, RunView& run) {
    // Opened: the SYN's sender reaches ESTABLISHED from SYN-SENT. Closed: the
    // first FIN's sender leaves ESTABLISHED for FIN-WAIT-1 (RFC 9293 §3.6).
    const std::string from = what.event == TcpEvent::Opened ? "SYN-SENT" : "ESTABLISHED";
    const std::string to = what.event == TcpEvent::Opened ? "ESTABLISHED" : "FIN-WAIT-1";
    std::vector<Moment> candidates;
    std::size_t byHost = 0;
    forEachEvent(run.log(), [&](const trace::Event& e, std::size_t i) {
        if (!e.is("tcp", "state") || e.node != what.by || e.text("from") != from || e.text("to") != to) return;
        ++byHost;
        const auto ends = trace::parseConnectionEnds(e.text("connection"));
        if (!ends) return;
        const auto& [local, remote] = *ends;
        if (what.peer && run.hostOf(remote.address) != *what.peer) return;
        if (what.port) {
            const bool portMatches = what.event == TcpEvent::Opened ? remote.port == *what.port
                                                                    : (remote.port == *what.port || local.port == *what.port);
            if (!portMatches) return;
        }
        candidates.push_back({e.time, i});
    });
    const std::string verb = what.event == TcpEvent::Opened ? "opened" : "closed";
    const std::string none = byHost == 0 ? what.by + " " + verb + " no TCP connection"
                                         : what.by + " " + verb + " " + plural(byHost, "TCP connection") + ", none such";
    return firstWithin(candidates, time, what.by + " " + verb + " it", none);
}

ExpectationResult evaluateTcpRetransmissions(const TcpRetransmissions& what, const TimeBounds& time, RunView& run) {
    std::uint64_t counted = 0;
    std::optional<Moment> reached;
    std::optional<Moment> last;
    forEachEvent(run.log(), [&](const trace::Event& e, std::size_t i) {
        if (!e.is("tcp", "retransmit") || (what.host && e.node != *what.host) || !time.admits(e.time)) return;
        ++counted;
        last = Moment{e.time, i};
        if (counted == what.atLeast) reached = last;
    });
    ExpectationResult result;
    result.passed = reached.has_value();
    result.actual = plural(counted, "retransmission") + (time.any() ? " in that time" : "");
    const auto& at = reached ? reached : last;
    if (at) {
        if (reached) result.actual += ", the count reached " + std::to_string(what.atLeast) + " at " + formatTime(at->time);
        result.time = at->time;
        result.record = at->record;
    }
    return result;
}

ExpectationResult evaluateSegmentLost(const SegmentLost& what, const TimeBounds& time, RunView& run) {
    std::vector<Moment> candidates;
    std::size_t lost = 0;
    const auto& records = run.log().records;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto* p = std::get_if<trace::PacketRecord>(&records[i]);
        if (p == nullptr || p->action != trace::PacketAction::Dropped) continue;
        const TcpHeader* tcp = p->packet.tcp();
        if (tcp == nullptr) continue;
        ++lost;
        if (what.reason && p->reason != *what.reason) continue;
        if (what.port && tcp->sourcePort != *what.port && tcp->destinationPort != *what.port) continue;
        if (what.host && run.hostOf(p->packet.ip.source) != *what.host && run.hostOf(p->packet.ip.destination) != *what.host) continue;
        candidates.push_back({p->time, i});
    }
    const std::string none = lost == 0 ? "no TCP segment was lost" : plural(lost, "TCP segment") + " lost, none such";
    return firstWithin(candidates, time, "a segment was lost", none);
}

}  // namespace netstage::expect::detail
