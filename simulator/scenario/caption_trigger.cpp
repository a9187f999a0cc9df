#include "simulator/scenario/caption_trigger.hpp"

namespace netstage::scenario {

void CaptionTrigger::show(const std::string& text) {
    if (!tracer_.wantsEvents()) return;
    tracer_.event(trace::Event{simulator_.now(), "", "narration", "caption", {{"text", text}}});
}

void CaptionTrigger::waitFor(std::string layer, std::string type, std::string node, std::string line, std::string text) {
    pending_.push_back({std::move(layer), std::move(type), std::move(node), std::move(line), std::move(text)});
}

namespace {
bool lineMatches(const trace::Event& event, const std::string& line) {
    return line.empty() || (event.field("text") != nullptr && event.text("text") == line);
}
}  // namespace

void CaptionTrigger::onEvent(const trace::Event& event) {
    for (auto& p : pending_) {
        if (p.fired || p.layer != event.layer || p.type != event.type || (!p.node.empty() && p.node != event.node) ||
            !lineMatches(event, p.line)) {
            continue;
        }
        p.fired = true;
        // Shown right after the event that triggered it, never in the middle of its delivery to other sinks.
        const std::string text = p.text;
        simulator_.schedule(Time::zero(), [this, text] { show(text); });
    }
}

}  // namespace netstage::scenario
