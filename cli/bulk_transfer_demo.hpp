#pragma once
// The built-in demo: two hosts and a router (10 Mbit/s, 10 ms links); one
// host sends a file to the other over TCP. A first look at the simulator
// before any scenario file, and the workload of the bulk-transfer benchmark.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "simulator/core/time.hpp"

namespace netstage::cli {

struct DemoOptions {
    std::uint64_t seed = 1;
    double loss = 0.0;
    std::uint64_t bytes = 1'000'000;
    std::optional<std::string> tracePath;
    std::optional<std::string> pcapPath;
};

struct DemoResult {
    std::uint64_t bytesDelivered = 0;
    bool intact = false;                 // every byte arrived once, in order, unchanged
    std::uint64_t segmentsSent = 0;      // by both hosts, data and ACKs
    std::uint64_t retransmissions = 0;
    std::uint64_t timeouts = 0;
    std::uint64_t fastRetransmits = 0;
    Time transferDone;                   // when the last byte reached the receiver
    Time end;                            // when the simulation ran out of events
    std::uint64_t events = 0;
    std::string fingerprint;
};

DemoResult runBulkTransferDemo(const DemoOptions& options);
std::string formatDemoSummary(const DemoOptions& options, const DemoResult& result);

// `netstage demo`: refuses colliding output files, runs, prints the summary.
// Returns the exit status: 0, 1 (bytes lost, or a file not written), 2 (bad options).
int runDemoCommand(const DemoOptions& options, std::ostream& out, std::ostream& err);

}  // namespace netstage::cli
