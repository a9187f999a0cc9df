#include "tests/programs/lab.hpp"

#include <stdexcept>

#include "simulator/scenario/scenario_loader.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

namespace netstage::test_support {

Lab::Lab(const std::string& scenarioName, const std::string& from, Speed speed) {
    const std::string path = scenarioPath(scenarioName);
    spec_ = scenario::loadScenarioFile(path);
    scenarioText_ = slurp(path);
    tracer_.addSink(recorder_);
    tracer_.addSink(transcript_);
    tracer_.addSink(fingerprint_, /*wantsEvents=*/false);
    recording_ = std::make_unique<scenario::SessionRecording>(spec_, from, false);
    tracer_.addSink(*recording_);
    scenario::LiveOptions options;
    options.from = from;
    options.speed = speed;
    world_ = std::make_unique<scenario::LiveWorld>(spec_, tracer_, options, apps::BridgeCallbacks{}, wall_);
}

Lab::~Lab() {
    terminals_.clear();
    hosts_.clear();
}

programs::ProgramHost& Lab::host(const std::string& name) {
    auto& slot = hosts_[name];
    if (!slot) slot = std::make_unique<programs::ProgramHost>(*world_, name);
    return *slot;
}

programs::Terminal& Lab::terminal(const std::string& name) {
    auto& slot = terminals_[name];
    if (!slot) {
        slot = std::make_unique<programs::Terminal>(host(name), [this, name](std::string_view text) { screens_[name] += text; });
    }
    return *slot;
}

void Lab::type(const std::string& name, const std::string& line) {
    settle(name);
    terminal(name).type(line);
    settle(name);
}

void Lab::settle(const std::string& name) {
    programs::Terminal& term = terminal(name);
    for (int round = 0; round < 1'000'000; ++round) {
        wall_ = wall_ + Time::fromMilliseconds(1);
        (void)world_->step(wall_);
        if (term.readyForInput() || world_->paused()) return;
        const Time next = world_->world().nextEventTime();
        const auto readyAt = term.readyAt();
        if (next == Time::max() && !readyAt) return;
        world_->advanceTo(std::min(next, readyAt.value_or(Time::max())), wall_);
    }
    throw std::runtime_error{"the terminal never became ready"};
}

void Lab::pass(Time simulated) {
    const Time until = world_->now() + simulated;
    while (world_->now() < until) {
        wall_ = wall_ + Time::fromMilliseconds(1);
        (void)world_->step(wall_);
        world_->advanceTo(std::min(until, world_->world().nextEventTime()), wall_);
    }
}

void Lab::end() {
    for (auto& [name, term] : terminals_) term->endInput();
    const Time limit = world_->now() + Time::fromSeconds(120);
    auto allClosed = [this] {
        for (auto& [name, term] : terminals_) {
            if (!term->finished() || world_->bridge(name).openCount() != 0) return false;
        }
        return true;
    };
    while (!allClosed() && world_->now() < limit) {
        wall_ = wall_ + Time::fromMilliseconds(1);
        (void)world_->step(wall_);
        const Time next = world_->world().nextEventTime();
        if (next == Time::max()) break;
        world_->advanceTo(next, wall_);
    }
    world_->finish();
}

std::string Lab::recordedScenario() const { return recording_->recordedScenario(scenarioText_); }

}  // namespace netstage::test_support
