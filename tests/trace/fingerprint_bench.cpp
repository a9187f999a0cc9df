// Cost of the fingerprint per packet event, measured by hand:
//   netstage_fingerprint_bench [events]
// Feeds three full-size data segments (1460-byte payload) to every pure
// ACK, roughly the mix of a bulk TCP transfer. Clocks are read here only, to
// time the loop; nothing it measures depends on them.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <string>

#include "simulator/trace/fingerprint_sink.hpp"
#include "tests/trace/synthetic_run.hpp"

int main(int argc, char** argv) {
    using namespace netstage;
    using namespace netstage::trace;
    const long events = argc > 1 ? std::atol(argv[1]) : 2'000'000;
    testing_support::TcpConversation tcp{Endpoint{Ipv4Address{10, 0, 1, 2}, 49152},
                                         Endpoint{Ipv4Address{10, 0, 2, 10}, 21}, 1, 1};
    Packet data = tcp.segment(true, tcp_flags::ack, std::string(1460, 'x'));
    const Packet ack = tcp.segment(false, tcp_flags::ack);
    const Packet& dataView = data;  // same type as ack, so ?: binds rather than copies
    FingerprintSink sink;
    const std::string name = "host";
    const std::clock_t cpuStart = std::clock();
    const auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < events; ++i) {
        const bool isData = i % 4 != 3;
        if (isData) data.tcp()->sequence += 1460;
        const PacketEvent event{Time::fromNanoseconds(i * 1000), static_cast<std::uint32_t>(i & 3), name, 0,
                                static_cast<PacketAction>(i % 3), "", isData ? dataView : ack};
        sink.onPacket(event);
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    // CPU time as well: on a loaded machine wall time mostly measures the queue.
    const double cpuNs = static_cast<double>(std::clock() - cpuStart) * 1e9 / CLOCKS_PER_SEC;
    const double ns = static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
    const double perEvent = cpuNs / static_cast<double>(events);
    std::printf("%ld packet events: %.1f ns CPU per event (%.1f ns wall), %.1f ms CPU per 500000 events, "
                "fingerprint %s\n",
                events, perEvent, ns / static_cast<double>(events), perEvent * 500'000 / 1e6, sink.hex().c_str());
    return 0;
}
