#pragma once

#include <stdexcept>
#include <string>

namespace netstage::scenario {

// Where something is in a scenario file; line and column count from 1.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

// A scenario the loader cannot accept. what() is the one-line message a user
// sees: "scenarios/01.yaml:12:7: expected a duration such as 10ms, found 'ten'".
class ScenarioError : public std::runtime_error {
public:
    ScenarioError(SourceLocation where, const std::string& message)
        : std::runtime_error{format(where, message)}, where_{std::move(where)}, message_{message} {}

    const SourceLocation& where() const { return where_; }
    const std::string& message() const { return message_; }

private:
    static std::string format(const SourceLocation& where, const std::string& message) {
        if (where.line <= 0) return where.file + ": " + message;  // about the file as a whole
        return where.file + ':' + std::to_string(where.line) + ':' + std::to_string(where.column) + ": " + message;
    }
    SourceLocation where_;
    std::string message_;
};

}  // namespace netstage::scenario
