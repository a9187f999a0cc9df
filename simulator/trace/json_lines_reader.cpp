#include "simulator/trace/json_lines_reader.hpp"

#include <limits>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <variant>

#include <simdjson.h>

#include "simulator/packet/wire_format.hpp"
#include "simulator/trace/base64.hpp"
#include "simulator/trace/hex.hpp"
#include "simulator/trace/json_lines_writer.hpp"

namespace netstage::trace {

namespace {

// simdjson's DOM parser: it validates each line completely, as strictly as a
// general JSON parser, at about a gigabyte a second, which is what lets the
// GUI open a trace of a million records in a second or two.
using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using ElementType = simdjson::dom::element_type;

// Thrown and caught only inside this file: a line-level problem.
struct LineError {
    std::string message;
};

Element member(const Object& object, std::string_view key) {
    Element value;
    if (object[key].get(value) != simdjson::SUCCESS) throw LineError{"missing \"" + std::string{key} + "\""};
    return value;
}

std::string stringMember(const Object& object, std::string_view key) {
    std::string_view text;
    if (member(object, key).get_string().get(text) != simdjson::SUCCESS) {
        throw LineError{"\"" + std::string{key} + "\" is not a string"};
    }
    return std::string{text};
}

// Any JSON integer within [min, max]; floats, booleans and strings are refused.
std::int64_t signedValue(Element value, std::string_view key, std::int64_t min, std::int64_t max) {
    const auto outOfRange = [key] { return LineError{"\"" + std::string{key} + "\" is out of range"}; };
    if (value.type() == ElementType::UINT64) {
        const std::uint64_t v = value.get_uint64().value_unsafe();
        if (v > static_cast<std::uint64_t>(max)) throw outOfRange();
        return static_cast<std::int64_t>(v);
    }
    if (value.type() != ElementType::INT64) throw LineError{"\"" + std::string{key} + "\" is not an integer"};
    const std::int64_t v = value.get_int64().value_unsafe();
    if (v < min || v > max) throw outOfRange();
    return v;
}

std::int64_t signedMember(const Object& object, std::string_view key, std::int64_t min, std::int64_t max) {
    return signedValue(member(object, key), key, min, max);
}

std::uint64_t unsignedMember(const Object& object, std::string_view key, std::uint64_t max) {
    const Element value = member(object, key);
    std::uint64_t v = 0;
    if (value.type() == ElementType::UINT64) {
        v = value.get_uint64().value_unsafe();
    } else if (value.type() == ElementType::INT64 && value.get_int64().value_unsafe() >= 0) {
        v = static_cast<std::uint64_t>(value.get_int64().value_unsafe());
    } else {
        throw LineError{"\"" + std::string{key} + "\" is not a non-negative integer"};
    }
    if (v > max) throw LineError{"\"" + std::string{key} + "\" is out of range"};
    return v;
}

std::optional<PacketAction> parseAction(std::string_view text) {
    for (const auto action : {PacketAction::Sent, PacketAction::Enqueued, PacketAction::Received,
                              PacketAction::Forwarded, PacketAction::Dropped}) {
        if (toString(action) == text) return action;
    }
    return std::nullopt;
}

// What a version-2 reader remembers of the packets in flight: a record may
// leave out bytes that the packet's earlier record gave (docs/trace-format.md).
struct KnownPacket {
    Bytes wire;
    Packet packet;  // parsed from wire, uid 0
};
struct PacketMemory {
    int version = traceFormatVersion;
    std::unordered_map<std::uint64_t, KnownPacket> inFlight;  // looked up, never iterated
};

std::optional<Bytes> decodeBytes(const PacketMemory& memory, const std::string& text) {
    return memory.version == 1 ? fromHex(text) : fromBase64(text);
}

Packet parsedWire(const Bytes& wire) {
    WireResult parsed = parseWire(wire);
    if (!parsed) {
        throw LineError{"\"wire\" is not a valid packet: " + parsed.error().message + " at byte " +
                        std::to_string(parsed.error().offset)};
    }
    return std::move(parsed).packet();
}

// The packet's wire bytes as the line gives them, in full or (version 2) by
// reference to the same packet's earlier record.
Packet packetOf(const Object& json, PacketMemory& memory, std::uint64_t uid, std::uint64_t length,
                PacketAction action) {
    const char* encoding = memory.version == 1 ? "hex" : "base64";
    Element present;
    const bool hasWire = json["wire"].get(present) == simdjson::SUCCESS;
    auto known = memory.inFlight.find(uid);
    Packet packet;
    if (hasWire || memory.version == 1) {
        auto wire = decodeBytes(memory, stringMember(json, "wire"));
        if (!wire) throw LineError{"\"wire\" is not a " + std::string{encoding} + " string"};
        if (wire->size() != length) {
            throw LineError{"\"len\" is " + std::to_string(length) + " but \"wire\" holds " +
                            std::to_string(wire->size()) + " bytes"};
        }
        packet = parsedWire(*wire);
        if (memory.version > 1) {
            if (known == memory.inFlight.end()) known = memory.inFlight.emplace(uid, KnownPacket{}).first;
            known->second = KnownPacket{std::move(*wire), packet};
        }
    } else {
        if (known == memory.inFlight.end()) {
            throw LineError{"packet " + std::to_string(uid) + " has no \"wire\" and no earlier record in flight"};
        }
        if (known->second.wire.size() != length) {
            throw LineError{"\"len\" is " + std::to_string(length) + " but packet " + std::to_string(uid) +
                            " holds " + std::to_string(known->second.wire.size()) + " bytes"};
        }
        if (json["ip"].get(present) == simdjson::SUCCESS) {
            const auto header = fromBase64(stringMember(json, "ip"));
            if (!header || header->size() != Ipv4Header::size) {
                throw LineError{"\"ip\" is not the base64 of a 20-byte IPv4 header"};
            }
            std::copy(header->begin(), header->end(), known->second.wire.begin());
            known->second.packet = parsedWire(known->second.wire);
        }
        packet = known->second.packet;
    }
    if (memory.version > 1 && (action == PacketAction::Received || action == PacketAction::Dropped)) {
        memory.inFlight.erase(known);
    }
    return packet;
}

PacketRecord parsePacket(const Object& json, Time time, PacketMemory& memory) {
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
    record.packet = packetOf(json, memory, uid, length, record.action);
    record.packet.uid = uid;
    Element reason;
    if (json["reason"].get(reason) == simdjson::SUCCESS) record.reason = stringMember(json, "reason");
    return record;
}

Event parseEvent(const Object& json, Time time) {
    Event event;
    event.time = time;
    event.node = stringMember(json, "node");
    event.layer = stringMember(json, "layer");
    event.type = stringMember(json, "type");
    Object fields;
    if (member(json, "fields").get_object().get(fields) != simdjson::SUCCESS) {
        throw LineError{"\"fields\" is not an object"};
    }
    // In the order written: the trace format promises field order. A name may
    // appear once: the record is a list of named fields, and the writer could
    // not write a repeated one back.
    // Events hold a handful of fields: looking back through them costs less
    // than any set (a million records are read on opening a big trace).
    for (const simdjson::dom::key_value_pair field : fields) {
        for (const auto& [earlier, value] : event.fields) {
            if (earlier == field.key) throw LineError{"field \"" + std::string{field.key} + "\" is repeated"};
        }
        std::string name{field.key};
        if (field.value.type() == ElementType::STRING) {
            event.fields.emplace_back(std::move(name), std::string{field.value.get_string().value_unsafe()});
        } else if (field.value.type() == ElementType::INT64 || field.value.type() == ElementType::UINT64) {
            const std::int64_t value = signedValue(field.value, name, std::numeric_limits<std::int64_t>::min(),
                                                   std::numeric_limits<std::int64_t>::max());
            event.fields.emplace_back(std::move(name), value);
        } else {
            throw LineError{"field \"" + name + "\" is neither an integer nor a string"};
        }
    }
    return event;
}

TraceHeader parseHeader(Element json, int& version) {
    Object object;
    if (json.get_object().get(object) != simdjson::SUCCESS) throw LineError{"header is not a JSON object"};
    std::string_view format;
    if (object["format"].get_string().get(format) != simdjson::SUCCESS || format != "netstage-trace") {
        throw LineError{"not a netstage trace (expected \"format\":\"netstage-trace\")"};
    }
    const std::int64_t versionNumber = signedMember(object, "version", std::numeric_limits<std::int64_t>::min(),
                                              std::numeric_limits<std::int64_t>::max());
    if (versionNumber > traceFormatVersion) {
        throw LineError{"trace format version " + std::to_string(versionNumber) + " is newer than this reader (version " +
                        std::to_string(traceFormatVersion) + ")"};
    }
    if (versionNumber < 1) throw LineError{"unknown trace format version " + std::to_string(versionNumber)};
    version = static_cast<int>(versionNumber);
    TraceHeader header;
    header.scenario = stringMember(object, "scenario");
    header.seed = unsignedMember(object, "seed", std::numeric_limits<std::uint64_t>::max());
    return header;
}

// The element lives in the parser until the next line is parsed. simdjson
// reads a little past the end of its input, so the line's own buffer is
// grown to leave that padding instead of copying the line.
Element parseLine(simdjson::dom::parser& parser, std::string& line) {
    if (line.capacity() < line.size() + simdjson::SIMDJSON_PADDING) line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    Element element;
    const auto error = parser.parse(line.data(), line.size(), false).get(element);
    if (error != simdjson::SUCCESS) throw LineError{std::string{"corrupt JSON: "} + simdjson::error_message(error)};
    return element;
}

// What one record line holds, or what is wrong with it. Whatever depends on
// the lines before (time order, the end record) is checked by the caller.
struct EndMark {
    Time time;
};
using LineResult = std::variant<Record, EndMark, LineError>;

LineResult parseRecordLine(simdjson::dom::parser& parser, std::string& line, PacketMemory& memory) {
    try {
        Object json;
        if (parseLine(parser, line).get_object().get(json) != simdjson::SUCCESS) {
            throw LineError{"record is not a JSON object"};
        }
        const Time time = Time::fromNanoseconds(signedMember(json, "t", 0, std::numeric_limits<std::int64_t>::max()));
        const std::string kind = stringMember(json, "kind");
        if (kind == "packet") return Record{parsePacket(json, time, memory)};
        if (kind == "event") return Record{parseEvent(json, time)};
        if (kind == "end") return EndMark{time};
        throw LineError{"unknown record kind \"" + kind + "\""};
    } catch (const LineError& e) {
        return e;
    }
}

TraceReadResult readLines(std::istream& in) {
    TraceLog log;
    simdjson::dom::parser parser;
    std::string line;  // one buffer for every line: no allocation per line
    std::size_t number = 0;
    bool ended = false;
    Time last = Time::zero();
    try {
        if (!std::getline(in, line)) return TraceReadError{1, "empty file, expected a netstage-trace header"};
        number = 1;
        PacketMemory memory;
        log.header = parseHeader(parseLine(parser, line), memory.version);
        while (std::getline(in, line)) {
            ++number;
            if (ended) throw LineError{"unexpected line after the end record"};
            LineResult result = parseRecordLine(parser, line, memory);
            if (auto* error = std::get_if<LineError>(&result)) throw std::move(*error);
            const auto* end = std::get_if<EndMark>(&result);
            const Time time = end != nullptr ? end->time : timeOf(std::get<Record>(result));
            if (time < last) throw LineError{"time goes backwards"};
            last = time;
            if (end != nullptr) {
                log.end = time;
                ended = true;
            } else {
                log.records.push_back(std::move(std::get<Record>(result)));
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
