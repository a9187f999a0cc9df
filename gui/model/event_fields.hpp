#pragma once
// Reading trace::Event fields by name. Views must survive traces from newer
// producers and hand-written files, so a missing or mistyped field is an
// empty value, never an exception.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "simulator/trace/trace_event.hpp"

namespace netstage::gui {

std::string fieldText(const trace::Event& event, std::string_view name);
std::optional<std::int64_t> fieldInt(const trace::Event& event, std::string_view name);
bool isEvent(const trace::Event& event, std::string_view layer, std::string_view type);

}  // namespace netstage::gui
