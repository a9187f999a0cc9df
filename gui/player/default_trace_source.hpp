#pragma once
// The TraceSource the application uses: *.jsonl files are read as traces,
// scenarios (*.yaml) are run in memory to a trace.

#include "gui/model/document_source.hpp"

namespace netstage::gui {

TraceSource defaultTraceSource();
bool canRunScenarios();

}  // namespace netstage::gui
