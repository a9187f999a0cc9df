#include "simulator/scenario/run_scenario.hpp"

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/trace/drop_counter.hpp"
#include "simulator/trace/fingerprint_sink.hpp"
#include "simulator/trace/trace_files.hpp"
#include "simulator/trace/recorder.hpp"

namespace netstage::scenario {

ScenarioRun runScenario(const ScenarioSpec& spec, const RunOptions& options) {
    trace::Tracer tracer;
    trace::FingerprintSink fingerprint;
    tracer.addSink(fingerprint, /*wantsEvents=*/false);
    trace::DropCounter drops;
    tracer.addSink(drops, /*wantsEvents=*/false);
    trace::TranscriptSink transcript;
    if (options.transcript) tracer.addSink(transcript);
    trace::Recorder recorder;
    if (options.keepLog) tracer.addSink(recorder);

    if (options.pcapAtNode && !spec.hasNode(*options.pcapAtNode)) {
        throw std::invalid_argument{"--pcap-at: the scenario has no node named \"" + *options.pcapAtNode + "\""};
    }
    trace::TraceFiles files{tracer, options.tracePath, options.pcapPath, trace::PcapCapture{options.pcapAtNode}};

    World world{spec, tracer, options.seed};
    ScenarioRun run;
    run.summary.seed = world.seed();
    run.summary.end = world.run();
    files.close();
    run.summary.events = world.simulator().eventCount();
    collectSummary(world, run.summary);
    run.summary.packetsLost = drops.drops();
    run.summary.fingerprint = fingerprint.hex();
    run.transcript = transcript.blocks();
    if (options.keepLog) run.log = recorder.log();
    return run;
}

LogOrError runScenarioToLog(const std::string& path, std::optional<std::uint64_t> seed) {
    try {
        const ScenarioSpec spec = loadScenarioFile(path);
        RunOptions options;
        options.seed = seed;
        options.keepLog = true;
        return std::move(runScenario(spec, options).log);
    } catch (const ScenarioError& e) {
        return e;
    } catch (const std::exception& e) {
        return ScenarioError{{path, 0, 0}, e.what()};
    }
}

std::string formatSummary(const ScenarioSpec& spec, const RunSummary& s) { return formatSummary(spec.title, s); }

}  // namespace netstage::scenario
