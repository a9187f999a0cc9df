#include "gui/model/event_fields.hpp"

#include <charconv>

namespace netstage::gui {

namespace {
const trace::FieldValue* find(const trace::Event& event, std::string_view name) {
    for (const auto& [key, value] : event.fields) {
        if (key == name) return &value;
    }
    return nullptr;
}
}  // namespace

std::string fieldText(const trace::Event& event, std::string_view name) {
    const trace::FieldValue* value = find(event, name);
    if (value == nullptr) return {};
    if (const auto* text = std::get_if<std::string>(value)) return *text;
    return std::to_string(std::get<std::int64_t>(*value));
}

std::optional<std::int64_t> fieldInt(const trace::Event& event, std::string_view name) {
    const trace::FieldValue* value = find(event, name);
    if (value == nullptr) return std::nullopt;
    if (const auto* number = std::get_if<std::int64_t>(value)) return *number;
    // Some producers write numbers as strings ("x": "120"); accept them.
    const auto& text = std::get<std::string>(*value);
    std::int64_t parsed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return parsed;
}

bool isEvent(const trace::Event& event, std::string_view layer, std::string_view type) {
    return event.layer == layer && event.type == type;
}

}  // namespace netstage::gui
