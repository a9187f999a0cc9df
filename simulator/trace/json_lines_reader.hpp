#pragma once
// Reads a JSON Lines trace back into owned records, for replay. Strict: the
// header must name this format and a version it knows, every line must be a
// well-formed record, time never goes backwards, and the file must end with
// the end record (a run cut short has none). Every failure is reported as an
// error naming the line; nothing is thrown.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "simulator/trace/record.hpp"

namespace netstage::trace {

struct TraceReadError {
    std::size_t line = 0;  // 1-based
    std::string message;
    std::string toString() const { return "line " + std::to_string(line) + ": " + message; }
};

class TraceReadResult {
public:
    TraceReadResult(TraceLog log) : value_{std::move(log)} {}
    TraceReadResult(TraceReadError error) : value_{std::move(error)} {}

    bool ok() const { return std::holds_alternative<TraceLog>(value_); }
    explicit operator bool() const { return ok(); }
    const TraceLog& log() const& { return std::get<TraceLog>(value_); }
    TraceLog&& log() && { return std::get<TraceLog>(std::move(value_)); }
    const TraceReadError& error() const { return std::get<TraceReadError>(value_); }

private:
    std::variant<TraceLog, TraceReadError> value_;
};

class JsonLinesReader {
public:
    static TraceReadResult read(std::istream& in);
    static TraceReadResult read(std::string_view text);
};

}  // namespace netstage::trace
