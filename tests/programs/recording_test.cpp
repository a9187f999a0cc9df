// A session on simulated hosts, written down as a scenario, replays to the
// trace the live session had: typed lines, DNS queries and data connections
// on several hosts, each at its simulated time.
#include <gtest/gtest.h>

#include <fstream>

#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_error.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/programs/lab.hpp"
#include "tests/support/lecture.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

std::string replayFingerprint(const std::string& recorded) {
    test_support::TempDir dir;
    const auto path = dir.file("session.yaml");
    std::ofstream{path} << recorded;
    const scenario::ScenarioSpec replay = scenario::loadScenarioFile(path.string());
    EXPECT_TRUE(replay.bridge.has_value());
    return scenario::runScenario(replay, {}).summary.fingerprint;
}

}  // namespace

TEST(Recording, theLecturesTelnetSessionReplaysToTheSameFingerprint) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.pass(30_s);
    lab.type("alice-pc", "telnet hamburger.edu 25");
    for (const std::string& line : test_support::lectureSmtpDialogue()) {
        if (line.starts_with("C: ")) lab.type("alice-pc", line.substr(3));
    }
    lab.end();
    const std::string recorded = lab.recordedScenario();
    // The connection is number 1; the A query that resolved its name, number 2.
    EXPECT_NE(recorded.find(", id: 2, query: \"hamburger.edu\", type: A}"), std::string::npos) << recorded;
    EXPECT_NE(recorded.find(", id: 1, open: \"hamburger.edu:25\"}"), std::string::npos) << recorded;
    EXPECT_NE(recorded.find(", id: 1, send: \"HELO crepes.fr\\r\\n\"}"), std::string::npos) << recorded;
    EXPECT_EQ(recorded.substr(recorded.find("\nbridge:")).find("host: "), std::string::npos)
        << "every input is on the session's own host";
    EXPECT_EQ(replayFingerprint(recorded), lab.fingerprint());
}

TEST(Recording, programsOnSeveralHostsAtOnceReplayToTheSameFingerprint) {
    test_support::Lab lab{"01-smtp-alice-to-bob", "alice-pc"};
    lab.pass(30_s);
    lab.type("alice-pc", "telnet hamburger.edu 25");
    lab.type("bob-pc", "dig hamburger.edu MX");
    lab.type("alice-pc", "HELO crepes.fr");
    lab.type("bob-pc", "telnet hamburger.edu 110");
    lab.type("bob-pc", "USER bob");
    lab.type("alice-pc", "QUIT");
    lab.type("bob-pc", "QUIT");
    lab.end();
    const std::string recorded = lab.recordedScenario();
    EXPECT_NE(recorded.find(", host: \"bob-pc\", id: 1, query: \"hamburger.edu\", type: MX}"), std::string::npos) << recorded;
    EXPECT_NE(recorded.find(", host: \"bob-pc\", id: 2, open: \"hamburger.edu:110\"}"), std::string::npos) << recorded;
    EXPECT_NE(lab.screen("bob-pc").find("+OK"), std::string::npos) << lab.screen("bob-pc");
    EXPECT_EQ(replayFingerprint(recorded), lab.fingerprint());
}

TEST(Recording, anFtpSessionWithBothDataModesReplaysToTheSameFingerprint) {
    test_support::Lab lab{"05-ftp-session", "student-pc"};
    lab.pass(10_s);
    for (const char* line : {"ftp ftp.school.edu", "alice", "wonderland", "ls", "get reports/report.pdf", "passive",
                             "get reports/readme.txt", "put report.pdf /uploads/again.pdf", "quit"}) {
        lab.type("student-pc", line);
    }
    lab.end();
    const std::string recorded = lab.recordedScenario();
    EXPECT_NE(recorded.find("listen: "), std::string::npos) << recorded;
    EXPECT_EQ(replayFingerprint(recorded), lab.fingerprint());
}

TEST(Recording, theLoaderChecksTheHostAndQueryKeys) {
    const std::string base = test_support::slurp(test_support::scenarioPath("01-smtp-alice-to-bob"));
    auto load = [&](const std::string& inputs) {
        return scenario::loadScenarioText(base + "\nbridge:\n  from: alice-pc\n  inputs:\n" + inputs, "session.yaml");
    };
    const scenario::ScenarioSpec ok = load("    - {at: 1s, host: bob-pc, id: 1, query: hamburger.edu, type: MX}\n"
                                           "    - {at: 2s, id: 1, open: \"hamburger.edu:25\"}\n");
    ASSERT_EQ(ok.bridge->inputs.size(), 2u);
    EXPECT_EQ(ok.bridge->inputs[0].kind, scenario::BridgeInputSpec::Kind::Query);
    EXPECT_EQ(ok.bridge->inputs[0].host, "bob-pc");
    EXPECT_EQ(ok.bridge->inputs[0].queryType, "MX");
    EXPECT_EQ(ok.bridge->inputs[1].host, "");
    try {
        load("    - {at: 1s, host: carol-pc, id: 1, query: hamburger.edu}\n");
        ADD_FAILURE() << "an unknown host was accepted";
    } catch (const scenario::ScenarioError& e) {
        EXPECT_NE(std::string{e.what()}.find("session.yaml:"), std::string::npos) << e.what();
        EXPECT_NE(std::string{e.what()}.find("carol-pc"), std::string::npos) << e.what();
    }
    EXPECT_THROW(load("    - {at: 1s, id: 1, query: hamburger.edu, type: TXT}\n"), scenario::ScenarioError);
    EXPECT_THROW(load("    - {at: 1s, id: 1, open: \"hamburger.edu:25\", type: A}\n"), scenario::ScenarioError);
    EXPECT_THROW(load("    - {at: 1s, id: 1, query: hamburger.edu}\n    - {at: 2s, id: 1, query: crepes.fr}\n"),
                 scenario::ScenarioError);
    const std::string noDns = test_support::slurp(test_support::scenarioPath("05-ftp-session"));
    EXPECT_THROW(scenario::loadScenarioText(noDns + "\nbridge:\n  from: student-pc\n  inputs:\n"
                                                    "    - {at: 1s, id: 1, query: ftp.school.edu}\n",
                                            "session.yaml"),
                 scenario::ScenarioError);
}
