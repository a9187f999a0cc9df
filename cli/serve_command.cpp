#include "cli/serve_command.hpp"

#include <csignal>
#include <fstream>
#include <ostream>

#include "cli/live_log.hpp"
#include "cli/output_paths.hpp"
#include "live/live_server.hpp"
#include "simulator/scenario/scenario_error.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/scenario_text.hpp"
#include "simulator/scenario/session_recording.hpp"
#include "simulator/trace/fingerprint_sink.hpp"
#include "simulator/trace/trace_files.hpp"

namespace netstage::cli {

namespace {

volatile std::sig_atomic_t stopSignal = 0;

extern "C" void onStopSignal(int) { stopSignal = 1; }

// How long one round may wait for a socket before it looks at the stop flag again.
constexpr Time kRoundLimit = Time::fromMilliseconds(100);
// How often the trace and pcap files are handed to the system while serving.
constexpr Time kFlushInterval = Time::fromMilliseconds(500);

std::string readWholeFile(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

}  // namespace

void installServeSignalHandlers() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool serveStopRequested() { return stopSignal != 0; }

int runServeCommand(const ServeCommandOptions& options, std::ostream& out, std::ostream& err,
                    const std::function<bool()>& stopRequested,
                    const std::function<void(const std::vector<std::string>&)>& ready) {
    std::vector<NamedPath> outputs;
    if (options.tracePath) outputs.push_back({"--trace", *options.tracePath});
    if (options.pcapPath) outputs.push_back({"--pcap", *options.pcapPath});
    if (options.recordPath) outputs.push_back({"--record", *options.recordPath});
    if (const auto collision = outputCollision({{"scenario", options.path}}, outputs)) {
        err << "netstage serve: " << *collision << '\n';
        return 2;
    }
    const auto speed = Speed::parse(options.speed);
    if (!speed) {
        err << "netstage serve: --speed " << options.speed << ": expected a factor from 0.001 to 1000 (such as 1, 0.25, 10) or max\n";
        return 2;
    }
    try {
        const scenario::ScenarioSpec spec = scenario::loadScenarioFile(options.path);
        std::vector<live::PortRequest> requests;
        for (const auto& text : options.ports) requests.push_back(live::parsePortRequest(text));
        live::PortListeners listeners{live::planPorts(spec, requests), options.listen};

        scenario::LiveOptions liveOptions;
        liveOptions.from = options.from;
        liveOptions.speed = *speed;
        liveOptions.seed = options.seed;

        trace::Tracer tracer;
        trace::FingerprintSink fingerprint;
        tracer.addSink(fingerprint, /*wantsEvents=*/false);
        LiveLog log{out};
        if (!options.quiet) tracer.addSink(log);
        trace::TraceFiles files{tracer, options.tracePath, options.pcapPath};
        // The recording maps the servers' addresses back to their names,
        // which the scenario as loaded already has.
        std::unique_ptr<scenario::SessionRecording> recording;
        if (options.recordPath) {
            recording = std::make_unique<scenario::SessionRecording>(spec, options.from.value_or(liveOptions.visitorName),
                                                                     !options.from.has_value());
            tracer.addSink(*recording);
        }
        live::LiveServer server{spec, tracer, std::move(listeners), liveOptions};

        out << "Serving \"" << spec.title << "\" (" << options.path << ") at speed " << speed->toString() << ", from host "
            << server.world().fromHost() << (server.world().fromVisitor() ? " (added to the scenario)" : "") << ".\n"
            << live::startupTable(server.ports(), options.listen);
        if (options.listen != "127.0.0.1") {
            out << "Listening on " << options.listen << ": other machines that can reach this address can connect too.\n";
        }
        out << "Press Ctrl+C to stop.\n" << std::flush;
        if (ready) {
            std::vector<std::string> bound;
            for (const auto& port : server.ports()) {
                bound.push_back(port.host + ":" + std::to_string(port.port) + "=" + std::to_string(port.localPort));
            }
            ready(bound);
        }

        Time lastFlush = live::steadyWallClock();
        while (!stopRequested()) {
            server.poll(kRoundLimit);
            const Time now = live::steadyWallClock();
            if (now - lastFlush >= kFlushInterval) {
                files.flush();
                lastFlush = now;
            }
        }
        const Time end = server.stop();
        files.close();
        out << "Stopped at simulated time " << scenario::exactSeconds(end) << " after " << server.connectionsAccepted()
            << (server.connectionsAccepted() == 1 ? " connection" : " connections") << "; fingerprint " << fingerprint.hex()
            << ".\n";
        if (options.tracePath) out << "Trace: " << *options.tracePath << "\n";
        if (options.pcapPath) out << "Capture: " << *options.pcapPath << "\n";
        if (recording) {
            std::ofstream file{*options.recordPath, std::ios::binary};
            file << recording->recordedScenario(readWholeFile(options.path));
            file.close();
            if (!file) {
                err << "netstage serve: cannot write the recording to " << *options.recordPath << '\n';
                return 1;
            }
            out << "Recorded: " << *options.recordPath << " (netstage run " << *options.recordPath << " replays it)\n";
        }
        return 0;
    } catch (const live::ServeError& e) {
        err << "netstage serve: " << e.what() << '\n';
        return 2;
    } catch (const scenario::ScenarioError& e) {
        err << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        err << "netstage serve: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace netstage::cli
