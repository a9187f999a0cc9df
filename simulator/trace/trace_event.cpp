#include "simulator/trace/trace_event.hpp"

#include <charconv>
#include <system_error>

namespace netstage::trace {

std::string_view toString(PacketAction action) {
    switch (action) {
        case PacketAction::Sent: return "sent";
        case PacketAction::Enqueued: return "enqueued";
        case PacketAction::Received: return "received";
        case PacketAction::Forwarded: return "forwarded";
        case PacketAction::Dropped: return "dropped";
    }
    return "unknown";
}

const FieldValue* Event::field(std::string_view name) const {
    for (const auto& [key, value] : fields) {
        if (key == name) return &value;
    }
    return nullptr;
}

std::string Event::text(std::string_view name) const {
    const FieldValue* value = field(name);
    if (value == nullptr) return {};
    if (const auto* string = std::get_if<std::string>(value)) return *string;
    return std::to_string(std::get<std::int64_t>(*value));
}

std::optional<std::int64_t> Event::integer(std::string_view name) const {
    const FieldValue* value = field(name);
    if (value == nullptr) return std::nullopt;
    if (const auto* number = std::get_if<std::int64_t>(value)) return *number;
    const auto& string = std::get<std::string>(*value);
    const char* first = string.data();
    const char* last = first + string.size();
    // from_chars takes a leading '-' but not '+' or spaces; "-0" and "007" would not come back as written.
    const bool negative = first != last && *first == '-';
    const char* digits = negative ? first + 1 : first;
    if (digits == last || (*digits == '0' && (last - digits > 1 || negative))) return std::nullopt;
    std::int64_t parsed = 0;
    const auto [end, error] = std::from_chars(first, last, parsed);
    if (error != std::errc{} || end != last) return std::nullopt;
    return parsed;
}

bool operator==(const Event& a, const Event& b) {
    return a.time == b.time && a.node == b.node && a.layer == b.layer && a.type == b.type && a.fields == b.fields;
}

bool operator==(const TraceHeader& a, const TraceHeader& b) {
    return a.scenario == b.scenario && a.seed == b.seed;
}

}  // namespace netstage::trace
