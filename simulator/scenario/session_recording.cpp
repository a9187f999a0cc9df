#include "simulator/scenario/session_recording.hpp"

#include <stdexcept>

#include "simulator/trace/connection_key.hpp"

namespace netstage::scenario {

namespace {

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '"': out += "\\\""; break;
            case '\r': out += "\\r"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default: out += c;
        }
    }
    return out + "\"";
}

}  // namespace

std::string exactSeconds(Time t) {
    const std::int64_t ns = t.nanoseconds();
    std::string text = std::to_string(ns / 1'000'000'000);
    std::string fraction = std::to_string(ns % 1'000'000'000);
    if (fraction != "0") {
        fraction.insert(0, 9 - fraction.size(), '0');
        while (fraction.back() == '0') fraction.pop_back();
        text += "." + fraction;
    }
    return text + "s";
}

void SessionRecording::onEvent(const trace::Event& event) {
    if (event.layer != "bridge") return;
    const auto id = event.integer("id");
    if (!id) return;
    std::string entry = "{at: " + exactSeconds(event.time);
    // Inputs on the `from` host keep the short form older recordings have.
    if (event.node != from_) entry += ", host: " + quoted(event.node);
    entry += ", id: " + std::to_string(*id);
    if (event.type == "query") {
        entry += ", query: " + quoted(event.text("name")) + ", type: " + event.text("qtype");
    } else if (event.type == "open") {
        const auto server = trace::parseEndpoint(event.text("server"));
        if (!server) return;
        std::string host = server->address.toString();
        for (const auto& candidate : spec_.hosts) {
            if (candidate.address == server->address) host = candidate.name;
        }
        entry += ", open: " + quoted(host + ":" + std::to_string(server->port));
    } else if (event.type == "listen") {
        entry += ", listen: " + event.text("port");
    } else if (event.type == "input") {
        if (event.field("text") != nullptr) {
            entry += ", send: " + quoted(event.text("text"));
        } else if (event.field("base64") != nullptr) {
            entry += ", send_base64: " + quoted(event.text("base64"));
        } else {
            return;
        }
    } else if (event.type == "pause" || event.type == "resume") {
        entry += ", reading: " + event.type;
    } else if (event.type == "close") {
        entry += ", close: true";
    } else {
        return;
    }
    inputs_.push_back(entry + "}");
}

std::string SessionRecording::bridgeSection() const {
    std::string out = "# A live session, recorded: what came in from outside, at the simulated\n"
                      "# time it entered the world. Running this scenario replays it exactly.\n"
                      "bridge:\n";
    out += "  from: " + quoted(from_) + "\n";
    if (visitor_) out += "  visitor: true\n";
    if (inputs_.empty()) {
        out += "  inputs: []\n";
    } else {
        out += "  inputs:\n";
        for (const auto& input : inputs_) out += "    - " + input + "\n";
    }
    if (end_) out += "  end: " + exactSeconds(*end_) + "\n";
    return out;
}

std::string SessionRecording::recordedScenario(std::string_view scenarioText) const {
    if (spec_.bridge) {
        throw std::invalid_argument{"the scenario already replays a recorded session; record from the scenario without its 'bridge' section"};
    }
    std::string out{scenarioText};
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out + "\n" + bridgeSection();
}

}  // namespace netstage::scenario
