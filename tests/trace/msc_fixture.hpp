#pragma once
// Hand-built runs for the sequence-chart tests: scenario and topology events,
// open/line events and the TCP segments that carried the lines, each sent and
// received at a time the test chooses.

#include <string>
#include <string_view>

#include "simulator/trace/msc_model.hpp"
#include "simulator/trace/record.hpp"
#include "tests/trace/synthetic_run.hpp"

namespace netstage::trace::testing_support {

class MscRun {
public:
    MscRun();

    void host(const std::string& name, const std::string& role, Ipv4Address address);
    void event(Time at, const std::string& node, const std::string& layer, const std::string& type, Fields fields);
    // A packet sent at `sent` from its source host and received at `received` (not at all without it).
    void packet(const Packet& packet, Time sent, std::optional<Time> received);

    TraceLog log;

private:
    std::string hostOf(Ipv4Address address) const;
    std::vector<std::pair<Ipv4Address, std::string>> hosts_;
};

// alice-pc (10.0.1.2:49152) talks SMTP to crepes.fr (10.0.1.10:25): handshake at 0,
// 220 sent at 10 ms (arrives 13 ms), HELO sent at 20 ms (arrives 25 ms), the reply
// "250 ok" and "250 more" in one segment at 30 ms (arrives 34 ms), QUIT split in two
// segments at 40 ms and 41 ms (arriving 44 ms and 47 ms), 221 lost at 50 ms and
// retransmitted at 60 ms (arrives 66 ms), then FIN from both sides.
TraceLog smtpChart();

// A chart, built by hand, of three SMTP sessions from crepes.fr (lifeline 0)
// to hamburger.edu (lifeline 1) at once: client ports 49152, 49153, 49154,
// each a greeting, a HELO and a QUIT, interleaved from 0 to 30 ms; then a
// fourth session on port 49155 at 100 ms, alone. Lanes are assigned.
MscChart parallelSessionsChart();

}  // namespace netstage::trace::testing_support
