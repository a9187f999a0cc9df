#pragma once
// A message sequence chart as text for other tools: Mermaid's
// `sequenceDiagram` and PlantUML's `@startuml`. Both keep the chart's
// lifelines and arrows in order; neither can place arrows in time, so
// PlantUML arrows get a slant of one pixel per millisecond of delay (capped)
// and Mermaid arrows none. Characters either format treats specially are
// written as its character codes, so any line text survives.

#include <string>

#include "simulator/trace/msc_model.hpp"

namespace netstage::trace {

std::string mscMermaid(const MscChart& chart);
std::string mscPlantUml(const MscChart& chart);

// Text as it must appear after ':' in a Mermaid message or after `as` in a participant.
std::string escapeMermaid(const std::string& text);
// Text as it must appear in a PlantUML message, title or quoted participant name.
std::string escapePlantUml(const std::string& text);

}  // namespace netstage::trace
