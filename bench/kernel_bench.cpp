// The classic hold model: a fixed number of pending events; each event pops
// the earliest and schedules one successor at a random delay.
#include <benchmark/benchmark.h>

#include "simulator/core/random.hpp"
#include "simulator/core/simulator.hpp"

namespace {

using namespace netstage;

void holdModel(benchmark::State& state, std::unique_ptr<FutureEventSet> (*make)()) {
    const auto pending = static_cast<std::size_t>(state.range(0));
    const std::int64_t events = state.range(1);
    for (auto _ : state) {
        state.PauseTiming();
        Simulator sim{make()};
        RandomStream rng{1, "hold"};
        std::int64_t remaining = events;
        struct Hold {
            Simulator* sim;
            RandomStream* rng;
            std::int64_t* remaining;
            void operator()() const {
                if (--*remaining <= 0) return;
                sim->schedule(Time::fromNanoseconds(static_cast<std::int64_t>(rng->uniformInt(1'000'000))), *this);
            }
        };
        for (std::size_t i = 0; i < pending; ++i) {
            sim.schedule(Time::fromNanoseconds(static_cast<std::int64_t>(rng.uniformInt(1'000'000))),
                         Hold{&sim, &rng, &remaining});
        }
        state.ResumeTiming();
        while (remaining > 0 && sim.step()) {
        }
        benchmark::DoNotOptimize(sim.eventCount());
        state.counters["events/s"] = benchmark::Counter(static_cast<double>(sim.eventCount()),
                                                        benchmark::Counter::kIsRate);
    }
}

void BM_HoldRadix(benchmark::State& state) { holdModel(state, makeRadixHeap); }
void BM_HoldQuaternary(benchmark::State& state) { holdModel(state, makeQuaternaryHeap); }
void BM_HoldBinary(benchmark::State& state) { holdModel(state, makeBinaryHeap); }

}  // namespace

BENCHMARK(BM_HoldRadix)->Args({1'000, 10'000'000})->Args({100'000, 10'000'000})->Args({1'000'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_HoldQuaternary)->Args({1'000, 10'000'000})->Args({100'000, 10'000'000})->Args({1'000'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_HoldBinary)->Args({1'000, 10'000'000})->Args({1'000'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
