// A live world is the same world advanced in steps: whatever the step size,
// it produces exactly the records of the run done in one go.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/trace/recorder.hpp"
#include "tests/scenario/scenario_support.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

trace::TraceLog inOneGo(const scenario::ScenarioSpec& spec) {
    trace::Tracer tracer;
    trace::Recorder recorder;
    tracer.addSink(recorder);
    scenario::World world{spec, tracer};
    world.run();
    return recorder.log();
}

// Steps of `step` up to the scenario's stop time.
trace::TraceLog inSteps(const scenario::ScenarioSpec& spec, Time step) {
    trace::Tracer tracer;
    trace::Recorder recorder;
    tracer.addSink(recorder);
    scenario::World world{spec, tracer};
    Time reached = Time::zero();
    while (world.nextEventTime() <= spec.stopAt) {
        reached = std::min(reached + step, spec.stopAt);
        world.advanceTo(reached);
    }
    return recorder.log();
}

}  // namespace

TEST(WorldSteps, everyScenarioGivesTheSameRecordsInStepsAsInOneGo) {
    const auto names = test_support::scenarioNames();
    ASSERT_GE(names.size(), 10u);
    for (const auto& name : names) {
        const std::string path = test_support::scenarioPath(name);
        const scenario::ScenarioSpec spec = scenario::loadScenarioFile(path);
        const trace::TraceLog whole = inOneGo(spec);
        ASSERT_GT(whole.records.size(), 10u) << path;
        for (const Time step : {1_ms, 37_ms, 1_s}) {
            const trace::TraceLog stepped = inSteps(spec, step);
            EXPECT_EQ(stepped.records.size(), whole.records.size()) << path << " in steps of " << step.toMillisecondsString();
            EXPECT_TRUE(stepped.records == whole.records) << path << " in steps of " << step.toMillisecondsString();
        }
    }
}

TEST(WorldSteps, theClockMovesToEachStepEvenWhenNothingHappens) {
    const scenario::ScenarioSpec spec = scenario::loadScenarioFile(test_support::scenarioPath("01-smtp-alice-to-bob"));
    trace::Tracer tracer;
    scenario::World world{spec, tracer};
    world.advanceTo(5000_s);
    EXPECT_EQ(world.simulator().now(), 5000_s);
    EXPECT_EQ(world.nextEventTime(), Time::max()) << "scenario 01 is over long before 5000 s";
    world.advanceTo(5001_s);
    EXPECT_EQ(world.finish(), 5001_s);
    EXPECT_THROW(world.advanceTo(1_s), std::invalid_argument);
}
