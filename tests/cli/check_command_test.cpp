// What `netstage check` prints in each format, how it grades a class against
// a teacher's file, and its exit status.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cli/check_command.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::cli;
using netstage::test_support::slurp;
using netstage::test_support::TempDir;

namespace {

std::string shipped01() {
    std::string text = slurp(test_support::sourceDir() / "scenarios" / "01-smtp-alice-to-bob.yaml");
    if (const auto at = text.find("\nexpect:"); at != std::string::npos) text.resize(at + 1);
    return text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// The line of the first entry of an expect: list appended to shipped01().
std::string firstExpectation(const std::string& path) {
    const std::string text = shipped01();
    const auto lines = std::count(text.begin(), text.end(), '\n');
    return path + ":" + std::to_string(lines + 2) + ":5";
}

void write(const std::filesystem::path& path, const std::string& text) { std::ofstream{path, std::ios::binary} << text; }

struct Class {
    TempDir dir{"netstage-check"};
    std::string start = (dir.path() / "start.yaml").string();
    std::string teacher = (dir.path() / "teacher.yaml").string();
    std::string good = (dir.path() / "good.yaml").string();
    std::string wrong = (dir.path() / "wrong.yaml").string();
    std::string broken = (dir.path() / "broken.yaml").string();

    Class() {
        write(start, shipped01());
        write(teacher, R"(title: Alice writes to Bob
expect:
  - {mail: delivered, to: bob@hamburger.edu, before: 2s, points: 2}
  - {dialogue: smtp, server: hamburger.edu, reply_to: RCPT, code: 250}
constraints:
  - {same_dns_as: start.yaml}
)");
        // A student's own expectation never counts when graded against the teacher's.
        write(good, shipped01() + "expect:\n  - {mail: bounced}\n");
        // Sends to Alice herself: nothing reaches hamburger.edu; and drops an MX record.
        write(wrong, replaced(replaced(shipped01(), "to: bob@hamburger.edu", "to: alice@crepes.fr"),
                              "    - {name: crepes.fr,     type: MX, preference: 10, exchange: crepes.fr}\n", ""));
        write(broken, replaced(shipped01(), "seed: 1", "seed: one"));
    }
};

int check(CheckOptions options, std::string& out, std::string& err) {
    std::ostringstream o, e;
    const int status = runCheckCommand(options, o, e);
    out = o.str();
    err = e.str();
    return status;
}

TEST(CheckCommand, a_scenario_whose_expectations_all_hold_exits_zero) {
    TempDir dir{"netstage-check"};
    const auto path = (dir.path() / "ok.yaml").string();
    write(path, shipped01() + "expect:\n  - {mailbox: bob@hamburger.edu, count: 0}\n  - {mail: relayed, via: hamburger.edu}\n");
    std::string out, err;
    EXPECT_EQ(check({{path}, {}, "text", {}}, out, err), 0) << out;
    EXPECT_NE(out.find("  PASS " + firstExpectation(path) + ": bob@hamburger.edu holds 0 messages: at the end it holds 0 messages"), std::string::npos) << out;
    EXPECT_NE(out.find("1 file, 2 expectations: 2 passed, 0 failed\n"), std::string::npos) << out;
    EXPECT_EQ(err, "");
}

TEST(CheckCommand, a_failed_expectation_says_what_was_expected_and_what_happened_and_exits_one) {
    TempDir dir{"netstage-check"};
    const auto path = (dir.path() / "bad.yaml").string();
    write(path, shipped01() + "expect:\n  - {mail: bounced, points: 5}\n");
    std::string out, err;
    EXPECT_EQ(check({{path}, {}, "text", {}}, out, err), 1);
    EXPECT_NE(out.find("  FAIL " + firstExpectation(path) + ": a message bounced: FAILED: no message was bounced\n"), std::string::npos) << out;
}

TEST(CheckCommand, a_class_is_graded_against_the_teachers_file_with_points_per_student) {
    Class c;
    std::string out, err;
    EXPECT_EQ(check({{c.good, c.wrong, c.broken}, c.teacher, "csv", {}}, out, err), 1);
    std::istringstream lines{out};
    std::string header, good, wrong, broken, extra;
    std::getline(lines, header);
    std::getline(lines, good);
    std::getline(lines, wrong);
    std::getline(lines, broken);
    EXPECT_FALSE(std::getline(lines, extra)) << out;
    EXPECT_EQ(header, "file,points,max_points,passed,failed,error");
    EXPECT_EQ(good, c.good + ",4,4,3,0,");
    EXPECT_EQ(wrong, c.wrong + ",0,4,0,3,");
    EXPECT_EQ(broken, c.broken + ",0,4,0,0,\"" + c.broken + ":31:7: expected a whole number, found 'one'\"");
}

TEST(CheckCommand, a_name_the_students_scenario_lacks_fails_that_student_at_the_teachers_line) {
    Class c;
    const auto renamed = (c.dir.path() / "renamed.yaml").string();
    std::string text = shipped01();
    for (std::size_t at; (at = text.find("hamburger.edu")) != std::string::npos;) text.replace(at, 13, "burger.example");
    write(renamed, text);
    std::string out, err;
    EXPECT_EQ(check({{renamed, c.good}, c.teacher, "text", {}}, out, err), 1);
    EXPECT_NE(out.find("  ERROR " + c.teacher + ":3:27: unknown mailbox 'bob@hamburger.edu': no mail server of this scenario serves hamburger.edu"),
              std::string::npos) << out;
    EXPECT_NE(out.find(c.good + ": 4 of 4 points\n"), std::string::npos) << out;
}

TEST(CheckCommand, json_reports_every_verdict_with_its_time_and_event) {
    Class c;
    std::string out, err;
    EXPECT_EQ(check({{c.good, c.broken}, c.teacher, "json", {}}, out, err), 1);
    const auto doc = nlohmann::json::parse(out);
    EXPECT_EQ(doc["passed"], false);
    ASSERT_EQ(doc["files"].size(), 2u);
    const auto& good = doc["files"][0];
    EXPECT_EQ(good["file"], c.good);
    EXPECT_EQ(good["passed"], true);
    EXPECT_EQ(good["points"], 4);
    ASSERT_EQ(good["results"].size(), 3u);
    EXPECT_EQ(good["results"][0]["expected"], "the DNS server and records are those of start.yaml");
    const auto& delivered = good["results"][1];
    EXPECT_EQ(delivered["where"], c.teacher + ":3:5");
    EXPECT_EQ(delivered["points"], 2);
    EXPECT_TRUE(delivered["time_ns"].is_number_integer());
    EXPECT_TRUE(delivered["record"].is_number_integer());
    EXPECT_TRUE(doc["files"][1]["error"].is_string());
    EXPECT_EQ(doc["files"][1]["max_points"], 4);
}

TEST(CheckCommand, junit_xml_has_a_testsuite_per_file_and_a_testcase_per_expectation) {
    Class c;
    std::string out, err;
    const auto report = (c.dir.path() / "report.xml").string();
    EXPECT_EQ(check({{c.good, c.wrong, c.broken}, c.teacher, "junit", report}, out, err), 1);
    EXPECT_EQ(out, "") << "the report goes to the file";
    EXPECT_EQ(err, "netstage check: 1 of 3 files passed; report in " + report + "\n");
    const std::string xml = slurp(report);
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"netstage check\" tests=\"7\" failures=\"3\" errors=\"1\">\n", 0), 0u) << xml;
    EXPECT_NE(xml.find("<testsuite name=\"" + c.wrong + "\" tests=\"3\" failures=\"3\" errors=\"0\">"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<testcase classname=\"" + c.good + "\" name=\"a message delivered into bob@hamburger.edu before 2.000 s\"/>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<failure message=\"expected the DNS server and records are those of start.yaml; the records differ"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<error message=\"" + c.broken + ":31:7: expected a whole number, found &apos;one&apos;\">"), std::string::npos) << xml;
    EXPECT_TRUE(xml.ends_with("  </testsuite>\n</testsuites>\n")) << xml;
}

TEST(CheckCommand, a_broken_teachers_file_stops_the_command_with_its_location) {
    Class c;
    write(c.teacher, "expect:\n  - {mail: sent}\n");
    std::string out, err;
    EXPECT_EQ(check({{c.good}, c.teacher, "text", {}}, out, err), 2);
    EXPECT_EQ(err, c.teacher + ":2:12: expected delivered, queued, relayed or bounced, found 'sent'\n");
    EXPECT_EQ(out, "");
}

TEST(CheckCommand, a_missing_student_file_is_a_graded_failure_not_a_crash) {
    Class c;
    const auto missing = (c.dir.path() / "missing.yaml").string();
    std::string out, err;
    EXPECT_EQ(check({{missing, c.good}, c.teacher, "csv", {}}, out, err), 1);
    EXPECT_NE(out.find(missing + ",0,4,0,0,"), std::string::npos) << out;
    EXPECT_NE(out.find(c.good + ",4,4,3,0,"), std::string::npos) << out;
}

TEST(CheckCommand, the_report_may_not_overwrite_an_input) {
    Class c;
    std::string out, err;
    EXPECT_EQ(check({{c.good}, {}, "text", c.good}, out, err), 2);
    EXPECT_NE(err.find("netstage check: "), std::string::npos) << err;
}

}  // namespace
