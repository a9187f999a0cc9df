// The course's exercises (exercises/<lesson>/) cannot rot: graded with
// `netstage check --against teacher.yaml`, every worked solution passes and
// every starting file fails (the task is not done yet) as a graded run, not
// a file that cannot be loaded. The sample submissions the README grades get
// the points it shows.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/check_command.hpp"
#include "simulator/scenario/teacher_file.hpp"
#include "tests/support/source_files.hpp"

namespace fs = std::filesystem;
using namespace netstage;

namespace {

std::vector<fs::path> lessons() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator{test_support::sourcePath("exercises")}) {
        if (entry.is_directory()) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

int check(const fs::path& file, const fs::path& teacher, std::string& output) {
    cli::CheckOptions options;
    options.files = {file.string()};
    options.against = teacher.string();
    std::ostringstream out;
    std::ostringstream err;
    const int status = cli::runCheckCommand(options, out, err);
    output = out.str() + err.str();
    return status;
}

TEST(Exercises, EveryLessonHasATaskAStartATeachersFileAndASolution) {
    const auto all = lessons();
    ASSERT_GE(all.size(), 7u);  // FTP control/data, active/passive, SMTP push, message format, POP3 modes, IMAP state, webmail
    for (const auto& lesson : all) {
        for (const char* name : {"task.md", "start.yaml", "teacher.yaml", "solution.yaml"}) {
            EXPECT_TRUE(fs::is_regular_file(lesson / name)) << (lesson / name);
        }
    }
}

TEST(Exercises, EverySolutionPassesTheTeachersExpectations) {
    for (const auto& lesson : lessons()) {
        std::string output;
        EXPECT_EQ(check(lesson / "solution.yaml", lesson / "teacher.yaml", output), 0) << lesson << "\n" << output;
        EXPECT_EQ(output.find("FAIL"), std::string::npos) << output;
    }
}

TEST(Exercises, EveryStartFailsAsAGradedRunNotABrokenFile) {
    for (const auto& lesson : lessons()) {
        std::string output;
        EXPECT_EQ(check(lesson / "start.yaml", lesson / "teacher.yaml", output), 1) << lesson << "\n" << output;
        const scenario::TeacherFile teacher = scenario::loadTeacherFile((lesson / "teacher.yaml").string());
        const cli::CheckedFile start = cli::checkFile((lesson / "start.yaml").string(), &teacher);
        EXPECT_FALSE(start.error) << lesson << ": " << start.error.value_or("");
        EXPECT_GT(start.failedCount(), 0u) << lesson;
        EXPECT_LT(start.points(), teacher.totalPoints) << lesson;
    }
}

TEST(Exercises, TheSampleSubmissionsGetThePointsTheReadmeShows) {
    const fs::path lesson = test_support::sourcePath("exercises/03-smtp-push");
    const scenario::TeacherFile teacher = scenario::loadTeacherFile((lesson / "teacher.yaml").string());
    ASSERT_EQ(teacher.totalPoints, 10u);
    const std::map<std::string, std::uint64_t> points{{"ada", 10}, {"bruno", 10}, {"chen", 7}, {"dana", 3}, {"emil", 9}};
    for (const auto& [student, expected] : points) {
        const cli::CheckedFile file = cli::checkFile((lesson / "sample-submissions" / (student + ".yaml")).string(), &teacher);
        EXPECT_FALSE(file.error) << student << ": " << file.error.value_or("");
        EXPECT_EQ(file.points(), expected) << student;
    }
    const cli::CheckedFile broken = cli::checkFile((lesson / "sample-submissions" / "farah.yaml").string(), &teacher);
    ASSERT_TRUE(broken.error);
    EXPECT_NE(broken.error->find("farah.yaml:54:18: "), std::string::npos) << *broken.error;
    EXPECT_EQ(broken.points(), 0u);
}

}  // namespace
