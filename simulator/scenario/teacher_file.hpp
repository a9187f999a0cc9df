#pragma once
// A teacher's expectations file for grading students' scenarios
// (`netstage check --against`): an `expect:` list, read against each
// student's scenario in turn (a name the student's scenario lacks is that
// student's failure, at the teacher file's line and column), and optional
// `constraints:` on how the scenario is written. docs/expectations.md,
// section "Grading a class".

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simulator/expect/expectation.hpp"
#include "simulator/expect/expectation_result.hpp"
#include "simulator/scenario/scenario_spec.hpp"

namespace netstage::scenario {

struct Constraint {
    enum class Kind {
        FtpMode,  // every FTP client of the scenario is set to this mode
        SameDns,  // the DNS server and records are those of a given scenario (the exercise's start)
    } kind = Kind::FtpMode;
    bool passive = true;         // FtpMode
    std::string dnsFile;         // SameDns: as written in the teacher's file
    std::optional<DnsSpec> dns;  // SameDns: that scenario's DNS set-up
    std::uint64_t points = 1;
    std::string note;
    expect::Origin where;

    std::string describe() const;
};

struct TeacherFile {
    std::string path;
    std::string text;   // read again for each student, against the student's names
    std::string title;
    std::size_t expectations = 0;
    std::uint64_t totalPoints = 0;  // of the expectations and constraints
    std::vector<Constraint> constraints;
};

// Reads and checks the file's form (keys, kinds, patterns, the scenario a
// constraint names). Throws ScenarioError.
TeacherFile loadTeacherFile(const std::string& path);

// The file's expectations, with every name checked against `student`.
// Throws ScenarioError (at the teacher file's line) for a name the student's scenario lacks.
std::vector<expect::Expectation> teacherExpectationsFor(const TeacherFile& teacher, const ScenarioSpec& student);

expect::ExpectationResult checkConstraint(const Constraint& constraint, const ScenarioSpec& student);

}  // namespace netstage::scenario
