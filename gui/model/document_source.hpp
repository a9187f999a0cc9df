#pragma once
// Turning a path into a trace to play. A *.jsonl file is read as a saved
// trace; a scenario (*.yaml) is run to a trace in memory. The source is a
// plain function so the window can be given another one (tests do).

#include <functional>
#include <string>
#include <variant>

#include "simulator/trace/record.hpp"

namespace netstage::gui {

struct LoadError {
    std::string file;
    int line = 0;    // 1-based; 0 when the error is about the whole file
    int column = 0;  // 1-based; 0 when unknown
    std::string message;
    std::string quote;  // the offending line of the file, when readable

    // "scenarios/01.yaml:12:7: expected a duration", as compilers write it.
    std::string location() const;
    std::string toString() const;
};

using LoadResult = std::variant<trace::TraceLog, LoadError>;
using TraceSource = std::function<LoadResult(const std::string& path)>;

LoadResult readTraceFile(const std::string& path);
// Line `line` (1-based) of a file without its line break, or "" if unreadable.
std::string quoteLine(const std::string& path, int line);
// Splits "file:12:7: message" as ScenarioError::what() formats it.
LoadError parseLocatedMessage(const std::string& text, const std::string& fallbackFile);

bool isScenarioPath(const std::string& path);  // *.yaml, *.yml

}  // namespace netstage::gui
