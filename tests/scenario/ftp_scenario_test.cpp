// FTP in the simulated world: scenarios 05, 06 and 08 run end to end, with
// the control connection and every data connection as separate conversations,
// and tshark judges the captures of 05 and 06.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_error.hpp"
#include "tests/scenario/ftp_test_support.hpp"

using namespace netstage;
using namespace netstage::ftp_test;

namespace {

TEST(FtpScenario05, showsTheLoginListRetrAndStorOnOneControlConnection) {
    FtpRun run{scenario::loadScenarioFile(scenarioPath("05-ftp-session"))};
    const auto control = run.blocks("control");
    ASSERT_EQ(control.size(), 1u);
    const auto& lines = control[0]->lines;
    EXPECT_EQ(lines.front(), "S: 220 ftp.school.edu FTP server ready");
    EXPECT_TRUE(contains(lines, "C: USER alice"));
    EXPECT_TRUE(contains(lines, "S: 331 Username OK, password required"));
    EXPECT_TRUE(contains(lines, "S: 230 Login successful"));
    EXPECT_TRUE(contains(lines, "C: LIST"));
    EXPECT_TRUE(contains(lines, "C: RETR report.pdf"));
    EXPECT_TRUE(contains(lines, "C: STOR /uploads/notes.txt"));
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "S: 226 Transfer complete"), 3);
    EXPECT_EQ(lines.back(), "S: 221 Goodbye");
    EXPECT_EQ(control[0]->connection.substr(control[0]->connection.rfind(':')), ":21");
}

TEST(FtpScenario05, givesEachTransferItsOwnDataConnectionOnAnEphemeralPassivePort) {
    FtpRun run{scenario::loadScenarioFile(scenarioPath("05-ftp-session"))};
    const auto data = run.blocks("data");
    ASSERT_EQ(data.size(), 3u);
    EXPECT_EQ(data[0]->lines, (std::vector<std::string>{
                                  "S: -rw-r--r--    1 ftp      ftp            34 Feb 20 09:00 readme.txt",
                                  "S: -rw-r--r--    1 ftp      ftp          4096 Feb 20 09:00 report.pdf"}))
        << "the listing of /reports, the session's current directory";
    EXPECT_EQ(data[1]->lines, (std::vector<std::string>{"S: <4096 bytes of /reports/report.pdf>"}));
    EXPECT_EQ(data[2]->lines, (std::vector<std::string>{"C: <34 bytes of /uploads/notes.txt>"}));
    std::vector<std::uint16_t> ports;
    for (const auto* block : data) {
        EXPECT_EQ(block->client, "student-pc");
        EXPECT_EQ(block->server, "ftp.school.edu");
        EXPECT_GE(serverPortOf(*block), 50000);
        ports.push_back(serverPortOf(*block));
    }
    std::sort(ports.begin(), ports.end());
    EXPECT_EQ(std::unique(ports.begin(), ports.end()), ports.end()) << "a fresh port per transfer";
}

TEST(FtpScenario05, opensAndClosesEveryDataConnectionWhileTheControlConnectionStaysUp) {
    FtpRun run{scenario::loadScenarioFile(scenarioPath("05-ftp-session"))};
    Time controlOpened = Time::max();
    Time controlClosed = Time::max();
    std::vector<std::pair<Time, Time>> data;
    std::map<std::string, std::size_t> open;
    for (const auto& e : run.log.events) {
        if (e.layer != "ftp") continue;
        if (e.type == "open" && field(e, "role") == "control") controlOpened = e.time;
        if (e.type == "open" && field(e, "role") == "data") {
            open[field(e, "connection")] = data.size();
            data.push_back({e.time, Time::max()});
        }
        if (e.type == "close") {
            if (auto it = open.find(field(e, "connection")); it != open.end()) {
                data[it->second].second = e.time;
            } else {
                controlClosed = e.time;
            }
        }
    }
    ASSERT_EQ(data.size(), 3u);
    for (const auto& [opened, closed] : data) {
        EXPECT_LT(controlOpened, opened);
        EXPECT_LT(opened, closed);
        EXPECT_LT(closed, controlClosed);
    }
    EXPECT_LT(controlClosed, Time::max());
}

TEST(FtpScenario05, downloadsTheBinaryReportUnchangedAndStoresTheUpload) {
    FtpRun run{scenario::loadScenarioFile(scenarioPath("05-ftp-session"))};
    const auto& results = run.client(0).results();
    ASSERT_EQ(results.size(), 5u);
    for (const auto& r : results) EXPECT_TRUE(r.ok) << ftp::toString(r.kind) << " " << r.argument << " " << r.code;
    EXPECT_EQ(results[3].data.text(), allByteValues(4096));
    EXPECT_EQ(run.files("ftp.school.edu", "alice").readFile("/uploads/notes.txt").text(),
              "FTP keeps control and data apart.\n");
    EXPECT_TRUE(run.client(0).finished());
}

TEST(FtpScenario05, showsEveryCaptionItsCommentsPromise) {
    FtpRun run{scenario::loadScenarioFile(scenarioPath("05-ftp-session"))};
    std::vector<std::string> captions;
    for (const auto& e : run.log.of("narration", "caption")) captions.push_back(field(e, "text"));
    EXPECT_EQ(captions.size(), run.spec.captions.size());
    EXPECT_TRUE(contains(captions, "331: the server knows the user name and asks for the password"));
}

TEST(FtpScenario06, showsEveryCaptionItsCommentsPromise) {
    FtpRun run{scenario::loadScenarioFile(scenarioPath("06-ftp-active-vs-passive"))};
    EXPECT_EQ(run.log.of("narration", "caption").size(), run.spec.captions.size());
}

TEST(FtpScenario08, showsEveryCaptionItsCommentsPromise) {
    FtpRun run{scenario::loadScenarioFile(scenarioPath("08-ftp-disk-full"))};
    EXPECT_EQ(run.log.of("narration", "caption").size(), run.spec.captions.size());
}

TEST(FtpScenario06, activeModeFailsWith425BehindTheFirewallAndPassiveModeSucceeds) {
    FtpRun run{scenario::loadScenarioFile(scenarioPath("06-ftp-active-vs-passive"))};
    const auto& active = run.client(0).results();
    const auto& passive = run.client(1).results();
    ASSERT_EQ(active.size(), 2u);
    ASSERT_EQ(passive.size(), 2u);
    EXPECT_FALSE(active[1].ok);
    EXPECT_EQ(active[1].code, 425);
    EXPECT_TRUE(passive[1].ok);
    EXPECT_EQ(passive[1].data.text(), run.files("ftp.school.edu", "alice").readFile("/lecture.txt").text());

    const auto refused = run.log.of("firewall", "refused");
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].node, "student-pc");
    EXPECT_NE(field(refused[0], "connection").find("-10.0.2.21:20"), std::string::npos) << "from the server's port 20";

    const auto control = run.blocks("control");
    ASSERT_EQ(control.size(), 2u);
    EXPECT_TRUE(contains(control[0]->lines, "S: 150 File status okay; about to open data connection"));
    EXPECT_TRUE(contains(control[0]->lines, "S: 425 Can't open data connection"));
    EXPECT_TRUE(contains(control[1]->lines, "C: PASV"));
    const auto data = run.blocks("data");
    ASSERT_EQ(data.size(), 1u) << "only the passive download opens a data connection";
    EXPECT_EQ(data[0]->lines, (std::vector<std::string>{"S: <3000 bytes of /lecture.txt>"}));
}

TEST(FtpScenario08, refusesAnUploadOverTheQuotaWith452AndKeepsNoPartOfIt) {
    FtpRun run{scenario::loadScenarioFile(scenarioPath("08-ftp-disk-full"))};
    const auto& results = run.client(0).results();
    ASSERT_EQ(results.size(), 4u);
    EXPECT_TRUE(results[1].ok);
    EXPECT_FALSE(results[2].ok);
    EXPECT_EQ(results[2].code, 452);
    vfs::FileSystem& files = run.files("ftp.school.edu", "bob");
    EXPECT_FALSE(files.stat("/big.bin").has_value());
    EXPECT_EQ(files.usedBytes(), 8000u);
    EXPECT_NE(results[3].data.text().find("small.txt"), std::string::npos);
    EXPECT_EQ(results[3].data.text().find("big.bin"), std::string::npos);
    const auto control = run.blocks("control");
    ASSERT_EQ(control.size(), 1u);
    EXPECT_TRUE(contains(control[0]->lines, "S: 452 Error writing file"));
    const auto data = run.blocks("data");
    ASSERT_EQ(data.size(), 3u);
    EXPECT_EQ(data[1]->lines, (std::vector<std::string>{"C: <5000 bytes of /big.bin>"}));
}

TEST(FtpTshark, recognisesTheCommandsAndDataStreamsOfScenario05) {
    const auto path = capture("05-ftp-session");
    const auto problems = runTshark(path, kProblemFilter);
    ASSERT_EQ(problems.exitCode, 0) << problems.errors;
    EXPECT_EQ(problems.output, "") << "frames with problems";

    const auto commands = tsharkFields(path, "ftp.request.command", {"ftp.request.command"});
    for (const std::string verb : {"USER", "PASS", "TYPE", "CWD", "PASV", "LIST", "RETR", "STOR", "QUIT"}) {
        EXPECT_TRUE(contains(commands, verb)) << verb;
    }
    const auto data = tsharkFields(path, "ftp-data", {"ftp-data.setup-method", "ftp-data.command"});
    ASSERT_FALSE(data.empty());
    bool sawList = false;
    bool sawRetr = false;
    bool sawStor = false;
    for (const auto& line : data) {
        EXPECT_EQ(line.substr(0, 4), "PASV") << line;
        sawList = sawList || line.find("LIST") != std::string::npos;
        sawRetr = sawRetr || line.find("RETR report.pdf") != std::string::npos;
        sawStor = sawStor || line.find("STOR /uploads/notes.txt") != std::string::npos;
    }
    EXPECT_TRUE(sawList);
    EXPECT_TRUE(sawRetr);
    EXPECT_TRUE(sawStor);
}

TEST(FtpTshark, recognisesThePortAndPasvOfScenario06WithoutMalformedPackets) {
    const auto path = capture("06-ftp-active-vs-passive");
    const auto problems = runTshark(path, kProblemFilter);
    ASSERT_EQ(problems.exitCode, 0) << problems.errors;
    EXPECT_EQ(problems.output, "") << "frames with problems";
    const auto commands = tsharkFields(path, "ftp.request.command", {"ftp.request.command"});
    EXPECT_TRUE(contains(commands, "PORT"));
    EXPECT_TRUE(contains(commands, "PASV"));
    const auto codes = tsharkFields(path, "ftp.response.code", {"ftp.response.code"});
    EXPECT_TRUE(contains(codes, "425"));
    const auto data = tsharkFields(path, "ftp-data", {"ftp-data.setup-method"});
    ASSERT_FALSE(data.empty());
    for (const auto& line : data) EXPECT_EQ(line, "PASV");
    // The refused active attempt: a SYN from port 20 answered by a reset.
    const auto resets = tsharkFields(path, "tcp.flags.reset==1 && tcp.srcport==55000", {"tcp.dstport"});
    EXPECT_EQ(resets, (std::vector<std::string>{"20"}));
}

// The fingerprint hashes every packet, in order: these values were recorded
// before the control connection moved onto ServerConnection, and pin that
// each reply still leaves in its own segment before the data connection it
// announces (150 before the active connect, 125 before the file).
TEST(FtpScenarios, putTheSamePacketsOnTheWireInTheSameOrderAsRecorded) {
    const std::vector<std::pair<std::string, std::string>> recorded{{"05-ftp-session", "8f4e431c5c540b6e"},
                                                                    {"06-ftp-active-vs-passive", "2babd127fed26696"},
                                                                    {"08-ftp-disk-full", "62650821248d4e32"}};
    for (const auto& [name, fingerprint] : recorded) {
        const auto run = scenario::runScenario(scenario::loadScenarioFile(scenarioPath(name)), scenario::RunOptions{});
        EXPECT_EQ(run.summary.fingerprint, fingerprint) << name;
    }
}

}  // namespace
