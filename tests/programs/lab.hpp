#pragma once
// A live world with programs on its hosts, driven as `netstage shell
// --speed max` drives it but with a made-up wall clock: each typed line
// waits until the terminal is ready for the next, as a person would.

#include <map>
#include <memory>
#include <string>

#include "programs/program_host.hpp"
#include "programs/terminal.hpp"
#include "simulator/scenario/live_world.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/session_recording.hpp"
#include "simulator/trace/fingerprint_sink.hpp"
#include "simulator/trace/recorder.hpp"
#include "simulator/trace/transcript.hpp"

namespace netstage::test_support {

class Lab {
public:
    // `from`: the host the recording names as the session's (its inputs carry no host: key).
    Lab(const std::string& scenarioName, const std::string& from, Speed speed = Speed::unlimited());
    ~Lab();

    scenario::LiveWorld& world() { return *world_; }
    programs::ProgramHost& host(const std::string& name);
    // A terminal on `host`, its output collected in screen(name).
    programs::Terminal& terminal(const std::string& host);
    std::string& screen(const std::string& host) { return screens_[host]; }

    // Types a line on `host`'s terminal and runs the world until it is ready for the next.
    void type(const std::string& host, const std::string& line);
    // Runs the world until `host`'s terminal is ready (or nothing more can happen).
    void settle(const std::string& host);
    // Runs the world on by this much simulated time.
    void pass(Time simulated);
    // Ends every terminal's input and runs until their connections are closed; finishes the trace.
    void end();

    const trace::Recorder& recorder() const { return recorder_; }
    const trace::TranscriptSink& transcript() const { return transcript_; }
    std::string fingerprint() const { return fingerprint_.hex(); }
    // The scenario with the session's `bridge:` section.
    std::string recordedScenario() const;
    const scenario::ScenarioSpec& spec() const { return spec_; }
    // The made-up wall clock, for pause() and resume().
    Time wall() const { return wall_; }

private:
    scenario::ScenarioSpec spec_;
    std::string scenarioText_;
    trace::Tracer tracer_;
    trace::Recorder recorder_;
    trace::TranscriptSink transcript_;
    trace::FingerprintSink fingerprint_;
    std::unique_ptr<scenario::SessionRecording> recording_;
    std::unique_ptr<scenario::LiveWorld> world_;
    std::map<std::string, std::unique_ptr<programs::ProgramHost>> hosts_;
    std::map<std::string, std::unique_ptr<programs::Terminal>> terminals_;
    std::map<std::string, std::string> screens_;
    Time wall_ = Time::fromSeconds(1000);
};

}  // namespace netstage::test_support
