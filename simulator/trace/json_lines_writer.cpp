#include "simulator/trace/json_lines_writer.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "simulator/packet/packet_summary.hpp"
#include "simulator/packet/wire_format.hpp"
#include "simulator/trace/hex.hpp"

namespace netstage::trace {

namespace {
using Json = nlohmann::ordered_json;

std::string dump(const Json& json) {
    // Invalid UTF-8 (raw protocol bytes in a field) becomes U+FFFD rather
    // than aborting the run.
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}
}  // namespace

void JsonLinesWriter::onStart(const TraceHeader& header) {
    if (started_) throw std::logic_error("JsonLinesWriter: onStart called twice");
    started_ = true;
    Json json;
    json["format"] = "netstage-trace";
    json["version"] = traceFormatVersion;
    json["scenario"] = header.scenario;
    json["seed"] = header.seed;
    writeLine(dump(json));
}

void JsonLinesWriter::onPacket(const PacketEvent& event) {
    requireOpen();
    const Bytes wire = toWire(event.packet);
    Json json;
    json["t"] = event.time.nanoseconds();
    json["kind"] = "packet";
    json["node"] = std::string{event.nodeName};
    json["nodeId"] = event.node;
    json["action"] = std::string{toString(event.action)};
    json["link"] = event.link;
    json["uid"] = event.packet.uid;
    json["len"] = wire.size();
    json["summary"] = summarize(event.packet);
    json["wire"] = toHex(wire);
    if (event.action == PacketAction::Dropped || !event.reason.empty()) json["reason"] = std::string{event.reason};
    writeLine(dump(json));
}

void JsonLinesWriter::onEvent(const Event& event) {
    requireOpen();
    Json fields = Json::object();
    for (const auto& [name, value] : event.fields) {
        if (fields.contains(name)) {
            throw std::invalid_argument("JsonLinesWriter: event " + event.layer + "/" + event.type +
                                        " repeats field '" + name + "'");
        }
        // A named capture, not the structured binding itself: clang before 16 cannot capture those.
        std::visit([&fields, &key = name](const auto& v) { fields[key] = v; }, value);
    }
    Json json;
    json["t"] = event.time.nanoseconds();
    json["kind"] = "event";
    json["node"] = event.node;
    json["layer"] = event.layer;
    json["type"] = event.type;
    json["fields"] = std::move(fields);
    writeLine(dump(json));
}

void JsonLinesWriter::onFinish(Time end) {
    requireOpen();
    finished_ = true;
    Json json;
    json["t"] = end.nanoseconds();
    json["kind"] = "end";
    writeLine(dump(json));
    out_.flush();
}

void JsonLinesWriter::writeLine(const std::string& line) {
    out_ << line << '\n';
}

void JsonLinesWriter::requireOpen() const {
    if (!started_) throw std::logic_error("JsonLinesWriter: record before onStart");
    if (finished_) throw std::logic_error("JsonLinesWriter: record after onFinish");
}

}  // namespace netstage::trace
