// Mail throughput: the mass-mail scenario (bench/mass_mail.hpp), trace off.
// Reports wall time per run (Google Benchmark) and, with
// --benchmark_counters_tabular, events and messages per second. Peak RSS: run one size under /usr/bin/time -v.
#include <benchmark/benchmark.h>

#include <string>

#include "bench/mass_mail.hpp"
#include "simulator/scenario/run_scenario.hpp"

namespace {

using namespace netstage;
using namespace netstage::scenario;
using netstage::bench::massMail;

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

}  // namespace

BENCHMARK(BM_MassMail)->Args({1'000, 4})->Args({10'000, 4})->Args({100'000, 40})->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
