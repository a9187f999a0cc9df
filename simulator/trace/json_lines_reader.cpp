#include "simulator/trace/json_lines_reader.hpp"

#include <limits>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "simulator/packet/wire_format.hpp"
#include "simulator/trace/hex.hpp"
#include "simulator/trace/json_lines_writer.hpp"

namespace netstage::trace {

namespace {

using Json = nlohmann::ordered_json;

// Thrown and caught only inside this file: a line-level problem.
struct LineError {
    std::string message;
};

const Json& member(const Json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) throw LineError{std::string{"missing \""} + key + "\""};
    return *it;
}

std::string stringMember(const Json& object, const char* key) {
    const Json& value = member(object, key);
    if (!value.is_string()) throw LineError{std::string{"\""} + key + "\" is not a string"};
    return value.get<std::string>();
}

// Any JSON integer within [min, max]; floats, booleans and strings are refused.
std::int64_t signedMember(const Json& object, const char* key, std::int64_t min, std::int64_t max) {
    const Json& value = member(object, key);
    const auto outOfRange = [key] { return LineError{std::string{"\""} + key + "\" is out of range"}; };
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(max)) throw outOfRange();
        return static_cast<std::int64_t>(v);
    }
    if (!value.is_number_integer()) throw LineError{std::string{"\""} + key + "\" is not an integer"};
    const auto v = value.get<std::int64_t>();
    if (v < min || v > max) throw outOfRange();
    return v;
}

std::uint64_t unsignedMember(const Json& object, const char* key, std::uint64_t max) {
    const Json& value = member(object, key);
    if (!value.is_number_unsigned()) {
        throw LineError{std::string{"\""} + key + "\" is not a non-negative integer"};
    }
    const auto v = value.get<std::uint64_t>();
    if (v > max) throw LineError{std::string{"\""} + key + "\" is out of range"};
    return v;
}

std::optional<PacketAction> parseAction(std::string_view text) {
    for (const auto action : {PacketAction::Sent, PacketAction::Enqueued, PacketAction::Received,
                              PacketAction::Forwarded, PacketAction::Dropped}) {
        if (toString(action) == text) return action;
    }
    return std::nullopt;
}

PacketRecord parsePacket(const Json& json, Time time) {
    PacketRecord record;
    record.time = time;
    record.nodeName = stringMember(json, "node");
    record.node = static_cast<std::uint32_t>(unsignedMember(json, "nodeId", std::numeric_limits<std::uint32_t>::max()));
    const std::string action = stringMember(json, "action");
    const auto parsedAction = parseAction(action);
    if (!parsedAction) throw LineError{"unknown packet action \"" + action + "\""};
    record.action = *parsedAction;
    record.link = static_cast<std::int32_t>(signedMember(json, "link", std::numeric_limits<std::int32_t>::min(),
                                                         std::numeric_limits<std::int32_t>::max()));
    const std::uint64_t uid = unsignedMember(json, "uid", std::numeric_limits<std::uint64_t>::max());
    const std::uint64_t length = unsignedMember(json, "len", 65535);
    const auto wire = fromHex(stringMember(json, "wire"));
    if (!wire) throw LineError{"\"wire\" is not a hex string"};
    if (wire->size() != length) {
        throw LineError{"\"len\" is " + std::to_string(length) + " but \"wire\" holds " +
                        std::to_string(wire->size()) + " bytes"};
    }
    WireResult parsed = parseWire(*wire);
    if (!parsed) {
        throw LineError{"\"wire\" is not a valid packet: " + parsed.error().message + " at byte " +
                        std::to_string(parsed.error().offset)};
    }
    record.packet = std::move(parsed).packet();
    record.packet.uid = uid;
    if (json.contains("reason")) record.reason = stringMember(json, "reason");
    return record;
}

Event parseEvent(const Json& json, Time time) {
    Event event;
    event.time = time;
    event.node = stringMember(json, "node");
    event.layer = stringMember(json, "layer");
    event.type = stringMember(json, "type");
    const Json& fields = member(json, "fields");
    if (!fields.is_object()) throw LineError{"\"fields\" is not an object"};
    for (const auto& [name, value] : fields.items()) {
        if (value.is_string()) {
            event.fields.emplace_back(name, value.get<std::string>());
        } else if (value.is_number_integer()) {
            event.fields.emplace_back(name, signedMember(fields, name.c_str(), std::numeric_limits<std::int64_t>::min(),
                                                         std::numeric_limits<std::int64_t>::max()));
        } else {
            throw LineError{"field \"" + name + "\" is neither an integer nor a string"};
        }
    }
    return event;
}

TraceHeader parseHeader(const Json& json) {
    if (!json.is_object()) throw LineError{"header is not a JSON object"};
    const auto format = json.find("format");
    if (format == json.end() || *format != "netstage-trace") {
        throw LineError{"not a netstage trace (expected \"format\":\"netstage-trace\")"};
    }
    const std::int64_t version = signedMember(json, "version", std::numeric_limits<std::int64_t>::min(),
                                              std::numeric_limits<std::int64_t>::max());
    if (version > traceFormatVersion) {
        throw LineError{"trace format version " + std::to_string(version) + " is newer than this reader (version " +
                        std::to_string(traceFormatVersion) + ")"};
    }
    if (version < 1) throw LineError{"unknown trace format version " + std::to_string(version)};
    TraceHeader header;
    header.scenario = stringMember(json, "scenario");
    header.seed = unsignedMember(json, "seed", std::numeric_limits<std::uint64_t>::max());
    return header;
}

Json parseLine(const std::string& line) {
    try {
        return Json::parse(line);
    } catch (const Json::parse_error& e) {
        throw LineError{std::string{"corrupt JSON: "} + e.what()};
    }
}

TraceReadResult readLines(std::istream& in) {
    TraceLog log;
    std::string line;
    std::size_t number = 0;
    bool ended = false;
    Time last = Time::zero();
    try {
        if (!std::getline(in, line)) return TraceReadError{1, "empty file, expected a netstage-trace header"};
        number = 1;
        log.header = parseHeader(parseLine(line));
        while (std::getline(in, line)) {
            ++number;
            if (ended) throw LineError{"unexpected line after the end record"};
            const Json json = parseLine(line);
            if (!json.is_object()) throw LineError{"record is not a JSON object"};
            const Time time = Time::fromNanoseconds(signedMember(json, "t", 0, std::numeric_limits<std::int64_t>::max()));
            if (time < last) throw LineError{"time goes backwards"};
            last = time;
            const std::string kind = stringMember(json, "kind");
            if (kind == "packet") {
                log.records.emplace_back(parsePacket(json, time));
            } else if (kind == "event") {
                log.records.emplace_back(parseEvent(json, time));
            } else if (kind == "end") {
                log.end = time;
                ended = true;
            } else {
                throw LineError{"unknown record kind \"" + kind + "\""};
            }
        }
        if (in.bad()) return TraceReadError{number + 1, "read error"};
        if (!ended) return TraceReadError{number + 1, "trace ends without an end record (truncated?)"};
    } catch (const LineError& e) {
        return TraceReadError{number, e.message};
    } catch (const std::exception& e) {
        return TraceReadError{number, std::string{"unexpected error: "} + e.what()};
    }
    return log;
}

}  // namespace

TraceReadResult JsonLinesReader::read(std::istream& in) {
    try {
        return readLines(in);
    } catch (...) {
        // Out of memory while building the error itself; nothing better to say.
        return TraceReadError{0, "unexpected error"};
    }
}

TraceReadResult JsonLinesReader::read(std::string_view text) {
    try {
        std::istringstream in{std::string{text}};
        return readLines(in);
    } catch (...) {
        return TraceReadError{0, "unexpected error"};
    }
}

}  // namespace netstage::trace
