#include "simulator/trace/json_lines_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <stdexcept>

#include "simulator/packet/packet_summary.hpp"
#include "simulator/packet/wire_format.hpp"
#include "simulator/trace/base64.hpp"
#include "simulator/trace/json_text.hpp"

namespace netstage::trace {

namespace {

constexpr std::size_t drainAt = std::size_t{1} << 16;

void appendKey(std::string_view key, std::string& out) {
    out += ",\"";
    out += key;
    out += "\":";
}

void appendBase64String(std::span<const std::uint8_t> bytes, std::string& out) {
    out += '"';
    appendBase64(bytes, out);
    out += '"';
}

bool endsThePacket(PacketAction action) {
    return action == PacketAction::Received || action == PacketAction::Dropped;
}

}  // namespace

JsonLinesWriter::~JsonLinesWriter() {
    try {
        drain();
    } catch (...) {
        // A destructor must not throw; the file is incomplete either way.
    }
}

void JsonLinesWriter::onStart(const TraceHeader& header) {
    if (started_) throw std::logic_error("JsonLinesWriter: onStart called twice");
    started_ = true;
    pending_ += "{\"format\":\"netstage-trace\",\"version\":";
    appendInteger(traceFormatVersion, pending_);
    appendKey("scenario", pending_);
    appendJsonString(header.scenario, pending_);
    appendKey("seed", pending_);
    appendInteger(header.seed, pending_);
    endLine();
}

void JsonLinesWriter::onPacket(const PacketEvent& event) {
    requireOpen();
    const std::size_t lineStart = pending_.size();
    pending_ += "{\"t\":";
    appendInteger(event.time.nanoseconds(), pending_);
    pending_ += ",\"kind\":\"packet\"";
    appendKey("node", pending_);
    appendJsonString(event.nodeName, pending_);
    appendKey("nodeId", pending_);
    appendInteger(event.node, pending_);
    appendKey("action", pending_);
    appendJsonString(toString(event.action), pending_);
    appendKey("link", pending_);
    appendInteger(event.link, pending_);
    appendKey("uid", pending_);
    appendInteger(event.packet.uid, pending_);
    appendKey("len", pending_);
    appendInteger(event.packet.wireSize(), pending_);
    try {
        appendPacketBytes(event);
    } catch (...) {
        pending_.resize(lineStart);  // no half line in the file
        throw;
    }
    if (event.action == PacketAction::Dropped || !event.reason.empty()) {
        appendKey("reason", pending_);
        appendJsonString(event.reason, pending_);
    }
    endLine();
}

// The bytes once per packet (docs/trace-format.md, "Packet records"): in
// full on its first record, then only what changed.
void JsonLinesWriter::appendPacketBytes(const PacketEvent& event) {
    const Packet& packet = event.packet;
    auto known = inFlight_.find(packet.uid);
    if (known != inFlight_.end() && known->second.transport == packet.transport &&
        known->second.payload == packet.payload) {
        if (!(known->second.ip == packet.ip)) {
            wire_.clear();
            appendIpv4Header(packet, wire_);
            appendKey("ip", pending_);
            appendBase64String(wire_, pending_);
            known->second.ip = packet.ip;
        }
    } else {
        wire_.clear();
        appendWire(packet, wire_);
        appendKey("summary", pending_);
        appendJsonString(summarize(packet), pending_);
        appendKey("wire", pending_);
        appendBase64String(wire_, pending_);
        if (known == inFlight_.end()) {
            known = inFlight_.emplace(packet.uid, packet).first;
        } else {
            known->second = packet;
        }
    }
    if (endsThePacket(event.action)) inFlight_.erase(known);
}

void JsonLinesWriter::onEvent(const Event& event) {
    requireOpen();
    for (auto field = event.fields.begin(); field != event.fields.end(); ++field) {
        const bool repeated = std::any_of(event.fields.begin(), field,
                                          [&](const auto& earlier) { return earlier.first == field->first; });
        if (repeated) {
            throw std::invalid_argument("JsonLinesWriter: event " + event.layer + "/" + event.type +
                                        " repeats field '" + field->first + "'");
        }
    }
    pending_ += "{\"t\":";
    appendInteger(event.time.nanoseconds(), pending_);
    pending_ += ",\"kind\":\"event\"";
    appendKey("node", pending_);
    appendJsonString(event.node, pending_);
    appendKey("layer", pending_);
    appendJsonString(event.layer, pending_);
    appendKey("type", pending_);
    appendJsonString(event.type, pending_);
    pending_ += ",\"fields\":{";
    bool first = true;
    for (const auto& [name, value] : event.fields) {
        if (!first) pending_ += ',';
        first = false;
        appendJsonString(name, pending_);
        pending_ += ':';
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            appendInteger(*number, pending_);
        } else {
            appendJsonString(std::get<std::string>(value), pending_);
        }
    }
    pending_ += '}';
    endLine();
}

void JsonLinesWriter::onFinish(Time end) {
    requireOpen();
    finished_ = true;
    pending_ += "{\"t\":";
    appendInteger(end.nanoseconds(), pending_);
    pending_ += ",\"kind\":\"end\"";
    endLine();
    drain();
    out_.flush();
}

void JsonLinesWriter::endLine() {
    pending_ += "}\n";
    if (pending_.size() >= drainAt) drain();
}

void JsonLinesWriter::drain() {
    if (pending_.empty()) return;
    errno = 0;
    if (!out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size())) && writeErrno_ == 0) {
        writeErrno_ = errno;
    }
    pending_.clear();
}

void JsonLinesWriter::requireOpen() const {
    if (!started_) throw std::logic_error("JsonLinesWriter: record before onStart");
    if (finished_) throw std::logic_error("JsonLinesWriter: record after onFinish");
}

}  // namespace netstage::trace
