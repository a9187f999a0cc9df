// Mail throughput: the mass-mail scenario (bench/mass_mail.hpp), trace off.
// Reports wall time per run (Google Benchmark) and, with
// --benchmark_counters_tabular, events and messages per second. Peak RSS: run one size under /usr/bin/time -v.
// BM_MailServers spreads a million messages over 1,000 servers (bench/mass_mail.hpp).
#include <benchmark/benchmark.h>

#include <string>

#include "bench/mass_mail.hpp"
#include "simulator/scenario/run_scenario.hpp"

namespace {

using namespace netstage;
using namespace netstage::scenario;
using netstage::bench::massMail;
using netstage::bench::massMailServers;

void BM_MassMail(benchmark::State& state) {
    const auto messages = static_cast<std::size_t>(state.range(0));
    const auto agents = static_cast<std::size_t>(state.range(1));
    const ScenarioSpec spec = massMail(messages, agents);
    RunSummary summary;
    RunOptions options;
    options.transcript = false;  // trace off: only the fingerprint watches
    for (auto _ : state) summary = runScenario(spec, options).summary;
    if (summary.delivered != messages) state.SkipWithError("not every message was delivered");
    state.counters["delivered"] = static_cast<double>(summary.delivered);
    state.counters["events"] = static_cast<double>(summary.events);
    state.counters["messages/s"] = benchmark::Counter(static_cast<double>(messages), benchmark::Counter::kIsIterationInvariantRate);
}

// N messages through S servers, each server's user agent submitting one
// message every `spacing` milliseconds.
void BM_MailServers(benchmark::State& state) {
    const auto messages = static_cast<std::size_t>(state.range(0));
    const auto servers = static_cast<std::size_t>(state.range(1));
    const ScenarioSpec spec = massMailServers(messages, servers, Time::fromMilliseconds(state.range(2)));
    RunSummary summary;
    RunOptions options;
    options.transcript = false;
    for (auto _ : state) summary = runScenario(spec, options).summary;
    if (summary.delivered != messages) state.SkipWithError("not every message was delivered");
    state.counters["delivered"] = static_cast<double>(summary.delivered);
    state.counters["events"] = static_cast<double>(summary.events);
    state.counters["messages/s"] = benchmark::Counter(static_cast<double>(messages), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(BM_MailServers)->Args({10'000, 100, 1000})->Args({1'000'000, 1'000, 1000})->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_MassMail)->Args({1'000, 4})->Args({10'000, 4})->Args({100'000, 40})->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
