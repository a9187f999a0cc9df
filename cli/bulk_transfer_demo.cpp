#include "cli/bulk_transfer_demo.hpp"

#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "cli/output_paths.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/scenario/run_summary.hpp"
#include "simulator/trace/fingerprint_sink.hpp"
#include "simulator/trace/trace_files.hpp"

namespace netstage::cli {

namespace {

using namespace time_literals;

// The payload is a pattern the receiver can check without keeping a copy.
std::uint8_t patternByte(std::uint64_t offset) { return static_cast<std::uint8_t>((offset * 7 + (offset >> 11)) & 0xff); }

constexpr std::uint16_t demoPort = 5001;

class BulkSender {
public:
    BulkSender(tcp::TcpStack& stack, Endpoint receiver, std::uint64_t total) : total_{total} {
        tcp::TcpCallbacks callbacks;
        callbacks.onConnected = [this] { pump(); };
        callbacks.onSendSpace = [this] { pump(); };
        callbacks.onPeerClosed = [this] { connection_->close(); };
        connection_ = stack.connect(receiver, std::move(callbacks));
    }

private:
    void pump() {
        // Offer one byte more than fits: a short write is what arms onSendSpace.
        while (written_ < total_) {
            const std::size_t n =
                static_cast<std::size_t>(std::min<std::uint64_t>(connection_->sendBufferFree() + 1, total_ - written_));
            chunk_.resize(n);
            for (std::size_t i = 0; i < n; ++i) chunk_[i] = patternByte(written_ + i);
            const std::size_t accepted = connection_->send(std::span<const std::uint8_t>{chunk_.data(), n});
            written_ += accepted;
            if (accepted < n) return;
        }
        if (!finished_) {
            finished_ = true;
            connection_->shutdown();
        }
    }

    std::shared_ptr<tcp::TcpConnection> connection_;
    std::vector<std::uint8_t> chunk_;
    std::uint64_t total_;
    std::uint64_t written_ = 0;
    bool finished_ = false;
};

class BulkReceiver {
public:
    BulkReceiver(tcp::TcpStack& stack, Simulator& simulator) : simulator_{simulator} {
        stack.listen(demoPort, [this](std::shared_ptr<tcp::TcpConnection> connection) {
            connection_ = connection;
            tcp::TcpCallbacks callbacks;
            callbacks.onData = [this](std::span<const std::uint8_t> bytes) {
                for (const std::uint8_t b : bytes) intact_ = intact_ && b == patternByte(received_++);
                lastByteAt_ = simulator_.now();
            };
            callbacks.onPeerClosed = [this] { connection_->close(); };
            connection->setCallbacks(std::move(callbacks));
        });
    }

    std::uint64_t received() const { return received_; }
    bool intact() const { return intact_; }
    Time lastByteAt() const { return lastByteAt_; }

private:
    Simulator& simulator_;
    std::shared_ptr<tcp::TcpConnection> connection_;
    std::uint64_t received_ = 0;
    bool intact_ = true;
    Time lastByteAt_;
};

}  // namespace

DemoResult runBulkTransferDemo(const DemoOptions& options) {
    Simulator simulator;
    trace::Tracer tracer;
    trace::FingerprintSink fingerprint;
    tracer.addSink(fingerprint, /*wantsEvents=*/false);

    trace::TraceFiles files{tracer, options.tracePath, options.pcapPath};

    const RandomStreams streams{options.seed};
    net::Network network{simulator, tracer, streams};
    const net::NodeId sender = network.addHost("sender");
    const net::NodeId router = network.addRouter("router");
    const net::NodeId receiver = network.addHost("receiver");
    net::LinkConfig link;
    link.bitsPerSecond = 10'000'000;
    link.delay = 10_ms;
    link.lossProbability = options.loss;
    network.addLink(sender, Ipv4Address{10, 0, 1, 2}, router, Ipv4Address{10, 0, 1, 1}, link);
    network.addLink(router, Ipv4Address{10, 0, 2, 1}, receiver, Ipv4Address{10, 0, 2, 2}, link);
    network.computeRoutes();

    tracer.start(trace::TraceHeader{"demo", options.seed});
    network.announceTopology();

    apps::HostStack senderStack{network, sender, streams};
    apps::HostStack receiverStack{network, receiver, streams};
    BulkReceiver sink{receiverStack.tcp(), simulator};
    BulkSender source{senderStack.tcp(), Endpoint{Ipv4Address{10, 0, 2, 2}, demoPort}, options.bytes};

    simulator.run();
    tracer.finish(simulator.now());
    files.close();

    DemoResult result;
    result.bytesDelivered = sink.received();
    result.intact = sink.intact() && sink.received() == options.bytes;
    for (const tcp::TcpStack* stack : {&senderStack.tcp(), &receiverStack.tcp()}) {
        const tcp::TcpStats stats = stack->totals();
        result.segmentsSent += stats.segmentsSent;
        result.retransmissions += stats.retransmissions;
        result.timeouts += stats.timeouts;
        result.fastRetransmits += stats.fastRetransmits;
    }
    result.transferDone = sink.lastByteAt();
    result.end = simulator.now();
    result.events = simulator.eventCount();
    result.fingerprint = fingerprint.hex();
    return result;
}

std::string formatDemoSummary(const DemoOptions& options, const DemoResult& r) {
    std::ostringstream out;
    out << "NetStage demo: sender 10.0.1.2 -> router -> receiver 10.0.2.2, 10 Mbit/s, 10 ms per link\n";
    out << "seed " << options.seed << ", loss " << options.loss << " per link\n";
    out << "bytes delivered:   " << r.bytesDelivered << " of " << options.bytes << (r.intact ? " (intact)" : " (NOT intact)") << '\n';
    out << "segments sent:     " << r.segmentsSent << '\n';
    out << "retransmissions:   " << r.retransmissions << " (" << scenario::countOf(r.timeouts, "timeout") << ", "
        << scenario::countOf(r.fastRetransmits, "fast retransmit") << ")\n";
    out << "transfer complete: " << r.transferDone.toMillisecondsString() << '\n';
    out << "simulation ended:  " << r.end.toMillisecondsString() << " (after TIME-WAIT)\n";
    out << "events:            " << r.events << '\n';
    out << "fingerprint:       " << r.fingerprint << '\n';
    return out.str();
}

int runDemoCommand(const DemoOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<NamedPath> outputs;
    if (options.tracePath) outputs.push_back({"--trace", *options.tracePath});
    if (options.pcapPath) outputs.push_back({"--pcap", *options.pcapPath});
    if (const auto collision = outputCollision({}, outputs)) {
        err << "netstage demo: " << *collision << '\n';
        return 2;
    }
    try {
        const DemoResult result = runBulkTransferDemo(options);
        out << formatDemoSummary(options, result);
        return result.intact ? 0 : 1;
    } catch (const std::exception& e) {
        err << "netstage: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace netstage::cli
