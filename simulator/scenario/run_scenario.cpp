#include "simulator/scenario/run_scenario.hpp"

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/trace/fingerprint_sink.hpp"
#include "simulator/trace/trace_files.hpp"
#include "simulator/trace/recorder.hpp"

namespace netstage::scenario {

namespace {

}  // namespace

ScenarioRun runScenario(const ScenarioSpec& spec, const RunOptions& options) {
    trace::Tracer tracer;
    trace::FingerprintSink fingerprint;
    tracer.addSink(fingerprint, /*wantsEvents=*/false);
    trace::TranscriptSink transcript;
    if (options.transcript) tracer.addSink(transcript);
    trace::Recorder recorder;
    if (options.keepLog) tracer.addSink(recorder);

    trace::TraceFiles files{tracer, options.tracePath, options.pcapPath};

    World world{spec, tracer, options.seed};
    ScenarioRun run;
    run.summary.seed = world.seed();
    run.summary.end = world.run();
    files.close();
    run.summary.events = world.simulator().eventCount();
    for (const auto& server : world.mailServers()) {
        run.summary.delivered += server->counters().stored;
        run.summary.relayed += server->counters().relayed;
        run.summary.bounced += server->counters().bounced;
        run.summary.queued += server->queue().size();
        for (const auto& user : server->store().users()) {
            const std::size_t count = server->store().maildrop(user).size();
            if (user == "postmaster" && count == 0) continue;
            run.summary.mailboxes.push_back({server->host().node().name(), user + "@" + server->config().domain, count});
        }
    }
    for (const auto& [name, agent] : world.userAgents()) {
        if (!agent->localStore().empty()) run.summary.downloads.push_back({name, agent->localStore()});
    }
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

std::string formatSummary(const ScenarioSpec& spec, const RunSummary& s) {
    std::ostringstream out;
    out << spec.title << '\n';
    out << "seed " << s.seed << ", ended at " << s.end.toMillisecondsString() << ", " << s.events << " events\n";
    out << "messages: " << s.delivered << " delivered, " << s.relayed << " relayed, " << s.queued << " still queued, "
        << s.bounced << " bounced\n";
    for (const auto& m : s.mailboxes) out << "  mailbox " << m.mailbox << " on " << m.server << ": " << m.messages << " messages\n";
    for (const auto& d : s.downloads) out << "  " << d.agent << " downloaded " << d.messages.size() << " messages\n";
    out << "fingerprint: " << s.fingerprint << '\n';
    return out.str();
}

}  // namespace netstage::scenario
