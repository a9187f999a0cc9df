#include "cli/shell_command.hpp"

#include <poll.h>

#include <fstream>
#include <istream>
#include <ostream>
#include <thread>

#include "cli/output_paths.hpp"
#include "live/live_server.hpp"
#include "programs/program_host.hpp"
#include "programs/terminal.hpp"
#include "simulator/scenario/live_world.hpp"
#include "simulator/scenario/scenario_error.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/session_recording.hpp"
#include "simulator/trace/fingerprint_sink.hpp"
#include "simulator/trace/trace_files.hpp"

namespace netstage::cli {

namespace {

// How long one round may sleep before it looks at the terminal again.
constexpr Time kRoundLimit = Time::fromMilliseconds(50);
// After the end of input, how long (simulated) the connections get to close:
// the FINs cross in a round trip or two; the closing side's TIME-WAIT (two
// minutes' worth of MSL) is not waited out.
constexpr Time kClosingLimit = Time::fromSeconds(2);

std::string readWholeFile(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

bool lineWaiting(int fd, Time wait) {
    pollfd request{fd, POLLIN, 0};
    const auto ms = static_cast<int>(std::min(wait, kRoundLimit).nanoseconds() / 1'000'000);
    return ::poll(&request, 1, ms) > 0;
}

}  // namespace

int runShellCommand(const ShellCommandOptions& options, std::istream& in, std::ostream& out, std::ostream& err,
                    const std::function<Time()>& clockIn, const std::function<void(Time)>& sleepIn) {
    const std::function<Time()> clock = clockIn ? clockIn : live::steadyWallClock;
    const std::function<void(Time)> sleep = sleepIn ? sleepIn : [](Time t) {
        std::this_thread::sleep_for(std::chrono::nanoseconds{t.nanoseconds()});
    };
    std::vector<NamedPath> outputs;
    if (options.tracePath) outputs.push_back({"--trace", *options.tracePath});
    if (options.pcapPath) outputs.push_back({"--pcap", *options.pcapPath});
    if (options.recordPath) outputs.push_back({"--record", *options.recordPath});
    if (const auto collision = outputCollision({{"scenario", options.path}}, outputs)) {
        err << "netstage shell: " << *collision << '\n';
        return 2;
    }
    const auto speed = Speed::parse(options.speed);
    if (!speed) {
        err << "netstage shell: --speed " << options.speed << ": expected a factor from 0.001 to 1000 (such as 1, 0.25, 10) or max\n";
        return 2;
    }
    try {
        const scenario::ScenarioSpec spec = scenario::loadScenarioFile(options.path);
        if (spec.findHost(options.host) == nullptr) {
            std::string hosts;
            for (const auto& host : spec.hosts) hosts += (hosts.empty() ? "" : ", ") + host.name;
            err << "netstage shell: --host " << options.host << ": the scenario has no such host (its hosts: " << hosts << ")\n";
            return 2;
        }
        scenario::LiveOptions liveOptions;
        liveOptions.from = options.host;
        liveOptions.speed = *speed;
        liveOptions.seed = options.seed;

        trace::Tracer tracer;
        trace::FingerprintSink fingerprint;
        tracer.addSink(fingerprint, /*wantsEvents=*/false);
        trace::TraceFiles files{tracer, options.tracePath, options.pcapPath};
        std::unique_ptr<scenario::SessionRecording> recording;
        if (options.recordPath) {
            recording = std::make_unique<scenario::SessionRecording>(spec, options.host, false);
            tracer.addSink(*recording);
        }
        scenario::LiveWorld world{spec, tracer, liveOptions, {}, clock()};
        programs::ProgramHost host{world, options.host};
        programs::TerminalOptions terminalOptions;
        terminalOptions.echo = options.echo;
        programs::Terminal terminal{host, [&out](std::string_view text) { out << text << std::flush; }, terminalOptions};

        bool inputEnded = false;
        Time closingSince;
        for (;;) {
            const Time wall = clock();
            const Time wait = world.step(wall);
            if (!inputEnded && terminal.readyForInput()) {
                if (options.interactiveFd >= 0 && !lineWaiting(options.interactiveFd, wait)) continue;
                std::string line;
                if (std::getline(in, line)) {
                    if (!line.empty() && line.back() == '\r') line.pop_back();
                    terminal.type(line);
                } else {
                    inputEnded = true;
                    terminal.endInput();
                    closingSince = world.now();
                }
                continue;
            }
            if (inputEnded &&
                ((terminal.finished() && world.bridge(options.host).openCount() == 0) || world.now() >= closingSince + kClosingLimit)) {
                break;
            }
            // Waiting on the network (or on a telnet server's quiet time).
            const Time next = world.world().nextEventTime();
            const std::optional<Time> readyAt = inputEnded ? std::nullopt : terminal.readyAt();
            if (next == Time::max() && !readyAt) {
                if (inputEnded) break;
                out << "\n[nothing more will happen in the world: the session ends]\n" << std::flush;
                terminal.endInput();
                inputEnded = true;
                closingSince = world.now();
                continue;
            }
            if (speed->isUnlimited()) {
                // A script need not wait on the wall clock while nobody types.
                Time until = std::min(next, readyAt.value_or(Time::max()));
                if (inputEnded) until = std::min(until, closingSince + kClosingLimit);
                world.advanceTo(until, wall);
                continue;
            }
            sleep(std::min(wait, kRoundLimit));
        }
        const Time end = world.finish();
        files.close();
        err << "netstage shell: ended at simulated time " << scenario::exactSeconds(end) << "; fingerprint "
            << fingerprint.hex() << ".\n";
        if (options.tracePath) err << "Trace: " << *options.tracePath << "\n";
        if (recording) {
            std::ofstream file{*options.recordPath, std::ios::binary};
            file << recording->recordedScenario(readWholeFile(options.path));
            file.close();
            if (!file) {
                err << "netstage shell: cannot write the recording to " << *options.recordPath << '\n';
                return 1;
            }
            err << "Recorded: " << *options.recordPath << " (netstage run " << *options.recordPath << " replays it)\n";
        }
        return 0;
    } catch (const scenario::ScenarioError& e) {
        err << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        err << "netstage shell: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace netstage::cli
