#pragma once
// A live session written down as a scenario: the sink collects the bridge's
// input events (open, input, close, query, on any host) as the session runs, and at the end
// writes them as the scenario's `bridge:` section, so the scenario replays
// the session exactly (`netstage serve ... --record FILE.yaml`).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::scenario {

class SessionRecording : public trace::TraceSink {
public:
    // `spec` names the servers' hosts; it must outlive the recording. The
    // outside connections start from host `from`; `visitor`: that host is
    // the visitor's, which `netstage serve` added to the scenario
    // (visitor.hpp), and the replay adds it again.
    SessionRecording(const ScenarioSpec& spec, std::string from, bool visitor = false)
        : spec_{spec}, from_{std::move(from)}, visitor_{visitor} {}

    void onPacket(const trace::PacketEvent&) override {}
    void onEvent(const trace::Event& event) override;
    // The session's end: the replay stops there too.
    void onFinish(Time end) override { end_ = end; }

    bool empty() const { return inputs_.empty(); }
    // The `bridge:` section, YAML, ending in a newline.
    std::string bridgeSection() const;
    // `scenarioText` with the section appended. Throws std::invalid_argument if
    // the scenario already replays a session (merging two is not supported).
    std::string recordedScenario(std::string_view scenarioText) const;

private:
    const ScenarioSpec& spec_;
    std::string from_;
    bool visitor_;
    std::optional<Time> end_;
    std::vector<std::string> inputs_;  // one YAML flow mapping per input
};

// Exact seconds, as the scenario format reads them back: "31.204518123s", "2s".
std::string exactSeconds(Time t);

}  // namespace netstage::scenario
