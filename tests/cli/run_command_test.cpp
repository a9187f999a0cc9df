// What `netstage run` and `netstage validate` print, and their exit status.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::cli;

namespace {

using netstage::test_support::scenarioPath;

}  // namespace

TEST(RunCommand, anFtpRunPrintsItsTransfersAndExitsZero) {
    ScenarioOptions options;
    options.path = scenarioPath("05-ftp-session");
    std::ostringstream out, err;
    EXPECT_EQ(runScenarioCommand(options, out, err), 0);
    EXPECT_EQ(err.str(), "");
    const auto run = scenario::runScenario(scenario::loadScenarioFile(options.path), {});
    EXPECT_EQ(out.str(), "05 - FTP: a session with separate control and data connections\n"
                         "seed 5, ended at " + run.summary.end.toMillisecondsString() + ", " +
                         std::to_string(run.summary.events) + " events\n"
                         "ftp: 3 transfers, 3 ok, 4266 bytes transferred\n"
                         "  Alice's FTP client (passive): ls: 136 bytes, ok (226)\n"
                         "  Alice's FTP client (passive): get report.pdf: 4096 bytes, ok (226)\n"
                         "  Alice's FTP client (passive): put /uploads/notes.txt: 34 bytes, ok (226)\n"
                         "tcp: 0 retransmissions (0 timeouts), 0 packets lost\n"
                         "fingerprint: " + run.summary.fingerprint + "\n");
}

TEST(RunCommand, aRunWithProblemsStillExitsZeroAndListsThem) {
    ScenarioOptions options;
    options.path = scenarioPath("07c-smtp-backup-mx");
    std::ostringstream out, err;
    EXPECT_EQ(runScenarioCommand(options, out, err), 0);
    EXPECT_NE(out.str().find("\nproblems:\n  crepes.fr: connection to mx1.pasta.it (10.0.3.10:25) failed after 63 s: no "
                             "answer after 6 SYNs; trying mx2.pasta.it\n"),
              std::string::npos)
        << out.str();
}

TEST(RunCommand, theTranscriptShowsAFailedConnectionAsOneLineBetweenDialogues) {
    ScenarioOptions options;
    options.path = scenarioPath("07c-smtp-backup-mx");
    options.transcript = true;
    std::ostringstream out, err;
    EXPECT_EQ(runScenarioCommand(options, out, err), 0);
    EXPECT_NE(out.str().find("S: 221 crepes.fr Service closing transmission channel\n\n"
                             "crepes.fr: connection to mx1.pasta.it (10.0.3.10:25) failed after 63 s: no answer after 6 "
                             "SYNs; trying mx2.pasta.it\n\n"
                             "# crepes.fr (10.0.1.10:49153) -> mx2.pasta.it (10.0.3.20:25) SMTP\n"),
              std::string::npos)
        << out.str();
}

TEST(RunCommand, withTheTranscriptAMessageThatWasNotSentIsNamedOnStandardError) {
    test_support::TempDir dir;
    // Alice's own server is cut off: her message never leaves her PC.
    std::ofstream{dir.file("s.yaml"), std::ios::binary}
        << test_support::slurp(scenarioPath("01-smtp-alice-to-bob"))
        << "\nfaults:\n  - {at: 0ms, link: [crepes.fr, crepes-router], state: down}\n";
    ScenarioOptions options;
    options.path = dir.file("s.yaml").string();
    options.transcript = true;
    std::ostringstream out, err;
    EXPECT_EQ(runScenarioCommand(options, out, err), 0);
    EXPECT_EQ(err.str(), "netstage run: Alice's user agent: message to bob@hamburger.edu not sent: connection to crepes.fr "
                         "failed: no answer after 6 SYNs\n");
    EXPECT_EQ(out.str().find("# alice-pc"), std::string::npos) << out.str();
}

TEST(ValidateCommand, countsAreSingularForOneAndPluralOtherwise) {
    ScenarioOptions options;
    options.path = scenarioPath("07c-smtp-backup-mx");
    std::ostringstream out, err;
    EXPECT_EQ(validateScenario(options, out, err), 0);
    EXPECT_EQ(out.str(), options.path + ": ok: \"07c - SMTP: the backup mail exchanger\", 5 hosts, 3 routers, 7 links, "
                                        "3 mail servers, 1 user agent, seed 1\n");
}
