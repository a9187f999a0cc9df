#pragma once
// What `netstage check` found, as plain data, and the four ways it prints it:
// text for a person, JSON for a program, JUnit XML for a CI system
// (testsuite per file, testcase per expectation), and CSV with one line of
// points per file (per student) for a learning platform.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "simulator/core/time.hpp"

namespace netstage::cli {

struct CheckedItem {
    std::string where;     // "scenarios/01.yaml:120:5"
    std::string expected;  // "bob@hamburger.edu holds 1 message"
    std::string actual;    // "at the end it holds 0 messages"
    std::string note;
    bool passed = false;
    std::uint64_t points = 1;
    std::optional<Time> time;
    std::optional<std::size_t> record;  // index of the deciding record in the trace
};

struct CheckedFile {
    std::string path;
    std::optional<std::string> error;  // "file:line:column: message": the file could not be checked at all
    std::vector<CheckedItem> items;
    // What the file could have scored: a broken submission still counts its full weight against it.
    std::optional<std::uint64_t> possiblePoints;

    std::size_t passedCount() const;
    std::size_t failedCount() const { return items.size() - passedCount(); }
    std::uint64_t points() const;     // of the items that passed
    std::uint64_t maxPoints() const;  // of all items
    bool passed() const { return !error && failedCount() == 0; }
};

struct CheckReport {
    std::vector<CheckedFile> files;
    bool graded = false;  // --against: points matter
    std::string against;  // the teacher's file
    bool passed() const;
};

void writeText(const CheckReport& report, std::ostream& out);
void writeJson(const CheckReport& report, std::ostream& out);
void writeJunit(const CheckReport& report, std::ostream& out);
void writeCsv(const CheckReport& report, std::ostream& out);

}  // namespace netstage::cli
