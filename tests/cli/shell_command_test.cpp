// `netstage shell` as a script uses it: commands and typed lines on standard
// input, the terminal's output on standard output, each line typed only once
// the previous reply has come, and a recording that replays to the
// fingerprint the session printed.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/shell_command.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;

namespace {

struct Shell {
    std::ostringstream out;
    std::ostringstream err;
    int status = -1;
    Time wall = Time::fromSeconds(100);

    Shell(const cli::ShellCommandOptions& options, const std::string& input) {
        std::istringstream in{input};
        status = cli::runShellCommand(options, in, out, err, [this] { return wall; }, [this](Time t) { wall = wall + t; });
    }
};

cli::ShellCommandOptions lectureOptions() {
    cli::ShellCommandOptions options;
    options.path = test_support::scenarioPath("01-smtp-alice-to-bob");
    options.host = "alice-pc";
    options.speed = "max";
    return options;
}

}  // namespace

TEST(ShellCommand, thePipedLectureDialogueGetsEachReplyBeforeTheNextLineAndTheRecordingReplays) {
    test_support::TempDir dir;
    cli::ShellCommandOptions options = lectureOptions();
    options.recordPath = dir.file("session.yaml").string();
    options.tracePath = dir.file("session.jsonl").string();
    const Shell shell{options,
                      "telnet hamburger.edu 25\nHELO crepes.fr\nMAIL FROM: <alice@crepes.fr>\nRCPT TO: <bob@hamburger.edu>\n"
                      "DATA\nDo you like ketchup?\nHow about pickles?\n.\nQUIT\n"};
    ASSERT_EQ(shell.status, 0) << shell.err.str();
    const std::string out = shell.out.str();
    // Each reply comes right after the line it answers: the next line waited for it.
    EXPECT_NE(out.find("Connected to hamburger.edu.\nEscape character is '^]'.\n220 hamburger.edu\n"
                       "HELO crepes.fr\n250 Hello crepes.fr, pleased to meet you\n"
                       "MAIL FROM: <alice@crepes.fr>\n250 alice@crepes.fr... Sender ok\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("How about pickles?\n.\n250 Message accepted for delivery\nQUIT\n221 hamburger.edu closing connection\n"
                       "Connection closed by foreign host.\nalice-pc$ \n"),
              std::string::npos)
        << out;
    const std::string err = shell.err.str();
    const std::size_t at = err.find("; fingerprint ");
    ASSERT_NE(at, std::string::npos) << err;
    const std::string fingerprint = err.substr(at + 14, 16);
    const scenario::ScenarioSpec replay = scenario::loadScenarioFile(*options.recordPath);
    ASSERT_TRUE(replay.bridge.has_value());
    EXPECT_EQ(scenario::runScenario(replay, {}).summary.fingerprint, fingerprint);
    EXPECT_NE(test_support::slurp(dir.file("session.jsonl")).find("\"type\":\"query\""), std::string::npos);
}

TEST(ShellCommand, endOfInputMidSessionClosesTheConnectionAndEndsCleanly) {
    const Shell shell{lectureOptions(), "telnet hamburger.edu 25\nHELO crepes.fr"};
    ASSERT_EQ(shell.status, 0) << shell.err.str();
    EXPECT_NE(shell.out.str().find("250 Hello crepes.fr"), std::string::npos) << shell.out.str();
    EXPECT_NE(shell.err.str().find("ended at simulated time"), std::string::npos) << shell.err.str();
}

TEST(ShellCommand, refusesAnUnknownHostABadSpeedAndAnOutputOverTheScenario) {
    cli::ShellCommandOptions options = lectureOptions();
    options.host = "carol-pc";
    const Shell unknown{options, ""};
    EXPECT_EQ(unknown.status, 2);
    EXPECT_NE(unknown.err.str().find("--host carol-pc: the scenario has no such host (its hosts: alice-pc, crepes.fr"),
              std::string::npos)
        << unknown.err.str();
    options = lectureOptions();
    options.speed = "fast";
    const Shell badSpeed{options, ""};
    EXPECT_EQ(badSpeed.status, 2);
    EXPECT_NE(badSpeed.err.str().find("--speed fast"), std::string::npos);
    options = lectureOptions();
    options.recordPath = options.path;
    const Shell overwrite{options, ""};
    EXPECT_EQ(overwrite.status, 2);
}
