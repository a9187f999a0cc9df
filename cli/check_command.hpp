#pragma once
// `netstage check FILE... [--against TEACHER.yaml] [--format text|json|junit|csv] [-o FILE]`:
// runs each scenario and judges its expectations (or the teacher's), prints
// a verdict per expectation, and exits 0 only if every one passed.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/check_report.hpp"
#include "simulator/scenario/teacher_file.hpp"

namespace netstage::cli {

struct CheckOptions {
    std::vector<std::string> files;
    std::optional<std::string> against;
    std::string format = "text";
    std::optional<std::string> outputPath;
};

// Checks one file. A file that cannot be read, loaded or run is a report
// with its error, never an exception: one broken submission does not stop a class's grading.
CheckedFile checkFile(const std::string& path, const scenario::TeacherFile* teacher);

// Exit status: 0 every expectation passed; 1 some failed or a file was broken; 2 the command itself could not run
// (a bad teacher's file, an output that cannot be written).
int runCheckCommand(const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace netstage::cli
