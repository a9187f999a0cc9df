// `netstage serve` as a user runs it: the table, each dialogue line as it
// happens, a clean stop that leaves complete files, and a recording that
// replays to the fingerprint the session printed.
#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <future>
#include <sstream>
#include <thread>

#include "cli/serve_command.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "tests/live/serving_world.hpp"
#include "tests/support/lecture.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/tshark.hpp"

using namespace netstage;

namespace {

struct Served {
    std::ostringstream out;
    std::ostringstream err;
    std::atomic<bool> stop{false};
    std::promise<std::vector<std::string>> ports;
    int status = -1;
    std::thread thread;

    explicit Served(cli::ServeCommandOptions options) {
        thread = std::thread{[this, options] {
            status = cli::runServeCommand(options, out, err, [this] { return stop.load(); },
                                          [this](const std::vector<std::string>& bound) { ports.set_value(bound); });
            if (status != 0) ports.set_value({});
        }};
    }
    void finish() {
        stop = true;
        if (thread.joinable()) thread.join();
    }
    ~Served() { finish(); }
};

std::uint16_t localPortOf(const std::vector<std::string>& bound, const std::string& server) {
    for (const auto& entry : bound) {
        if (entry.starts_with(server + "=")) return static_cast<std::uint16_t>(std::stoi(entry.substr(server.size() + 1)));
    }
    return 0;
}

}  // namespace

TEST(ServeCommand, servesPrintsTheDialogueStopsCleanlyAndTheRecordingReplays) {
    test_support::TempDir dir;
    cli::ServeCommandOptions options;
    options.path = test_support::scenarioPath("01-smtp-alice-to-bob");
    options.ports = {"hamburger.edu:25=0"};
    options.speed = "max";
    options.tracePath = dir.file("live.jsonl").string();
    options.pcapPath = dir.file("live.pcap").string();
    options.recordPath = dir.file("session.yaml").string();
    Served served{options};
    const auto bound = served.ports.get_future().get();
    const std::uint16_t port = localPortOf(bound, "hamburger.edu:25");
    ASSERT_NE(port, 0) << served.err.str();
    {
        test_support::LineClient client{port};
        for (const std::string& line : test_support::lectureSmtpDialogue()) {
            if (line.starts_with("C: ")) {
                client.send(line.substr(3) + "\r\n");
            } else {
                EXPECT_EQ("S: " + client.smtpReply().at(0), line);
            }
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{100});
    served.finish();
    ASSERT_EQ(served.status, 0) << served.err.str();
    const std::string out = served.out.str();
    EXPECT_NE(out.find("  hamburger.edu SMTP  10.0.2.10:25       " + std::to_string(port)), std::string::npos) << out;
    EXPECT_NE(out.find("SMTP  you -> hamburger.edu  C: MAIL FROM: <alice@crepes.fr>"), std::string::npos) << out;
    EXPECT_NE(out.find("SMTP  you -> hamburger.edu  S: 221 hamburger.edu closing connection"), std::string::npos) << out;
    const std::size_t at = out.find("; fingerprint ");
    ASSERT_NE(at, std::string::npos) << out;
    const std::string fingerprint = out.substr(at + 14, 16);

    // The files are complete: tshark reads the capture without complaint.
    const auto packets = test_support::runTshark(dir.file("live.pcap"), {"-Y", "smtp.req.command == \"HELO\""});
    ASSERT_EQ(packets.exitCode, 0) << packets.errors;
    EXPECT_EQ(test_support::outputLines(packets).size(), 3u)
        << "Alice's user agent's, her server's relay and the student's\n" << packets.output;
    const std::string trace = test_support::slurp(dir.file("live.jsonl"));
    EXPECT_NE(trace.find("\"layer\":\"bridge\""), std::string::npos);

    // The recording replays to the same fingerprint.
    const scenario::ScenarioSpec replay = scenario::loadScenarioFile(dir.file("session.yaml").string());
    ASSERT_TRUE(replay.bridge.has_value());
    EXPECT_EQ(scenario::runScenario(replay, {}).summary.fingerprint, fingerprint);
}

TEST(ServeCommand, aPortInUseIsRefusedBeforeAnythingIsWritten) {
    test_support::TempDir dir;
    const live::Socket taken = live::listenOn("127.0.0.1", 0);
    cli::ServeCommandOptions options;
    options.path = test_support::scenarioPath("01-smtp-alice-to-bob");
    options.ports = {"hamburger.edu:25=" + std::to_string(live::localPort(taken))};
    options.tracePath = dir.file("never.jsonl").string();
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(cli::runServeCommand(options, out, err, [] { return true; }), 2);
    EXPECT_NE(err.str().find("is in use by another program"), std::string::npos) << err.str();
    EXPECT_FALSE(std::filesystem::exists(dir.file("never.jsonl")));
}

TEST(ServeCommand, refusesABadSpeedAndAnUnknownServer) {
    cli::ServeCommandOptions options;
    options.path = test_support::scenarioPath("01-smtp-alice-to-bob");
    options.speed = "fast";
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(cli::runServeCommand(options, out, err, [] { return true; }), 2);
    EXPECT_NE(err.str().find("--speed fast"), std::string::npos) << err.str();
    options.speed = "1";
    options.ports = {"nowhere.org:25=0"};
    std::ostringstream err2;
    EXPECT_EQ(cli::runServeCommand(options, out, err2, [] { return true; }), 2);
    EXPECT_NE(err2.str().find("the scenario has no server there"), std::string::npos) << err2.str();
}

TEST(ServeCommand, sigintAndSigtermAskItToStop) {
    cli::installServeSignalHandlers();
    EXPECT_FALSE(cli::serveStopRequested());
    std::raise(SIGTERM);
    EXPECT_TRUE(cli::serveStopRequested());
}
