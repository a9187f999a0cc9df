// Scenario 02 as Wireshark sees it: tshark, an independent POP3 dissector,
// finds the lecture's eight commands in order, a +OK for each of them and
// for the greeting, and nothing malformed or suspicious in the TCP below.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/scenario/scenario_support.hpp"
#include "tests/support/tshark.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::test_support;

namespace {

std::filesystem::path captureOf02() {
    const auto path = test_support::programTempDir().file("02-pop3-capture.pcap");
    scenario::RunOptions options;
    options.pcapPath = path.string();
    scenario::runScenario(scenario::loadScenarioFile(scenarioPath("02-pop3-download-and-delete")), options);
    return path;
}

std::vector<std::string> tsharkLines(const std::filesystem::path& capture, const std::vector<std::string>& arguments) {
    const auto result = runTshark(capture, arguments);
    EXPECT_EQ(result.exitCode, 0) << result.errors;
    return outputLines(result);
}

}  // namespace

TEST(Pop3Capture, tsharkDissectsTheLectureCommandsInOrder) {
    const auto capture = captureOf02();
    const auto commands = tsharkLines(capture, {"-Y", "pop", "-T", "fields", "-e", "pop.request.command", "-e",
                                                "pop.request.parameter"});
    // Responses match the filter too but have no request fields: keep the requests only.
    std::vector<std::string> requests;
    for (const auto& line : commands) {
        if (line.find_first_not_of('\t') != std::string::npos) requests.push_back(line);
    }
    EXPECT_EQ(requests, (std::vector<std::string>{"user\tbob", "pass\thungry", "list\t", "retr\t1", "dele\t1", "retr\t2",
                                                  "dele\t2", "quit\t"}));
}

TEST(Pop3Capture, everyServerStatusLineIsPositive) {
    const auto capture = captureOf02();
    const auto indicators = tsharkLines(capture, {"-Y", "pop.response.indicator && ip.src==10.0.2.10", "-T", "fields",
                                                  "-e", "pop.response.indicator"});
    // The greeting and one reply to each of the eight commands.
    EXPECT_EQ(indicators, std::vector<std::string>(9, "+OK"));
}

TEST(Pop3Capture, tsharkFindsNoMalformedOrAnomalousPacket) {
    const auto capture = captureOf02();
    const auto problems = runTshark(capture, {"-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-Y",
                                              "_ws.malformed || tcp.checksum.status==0 || ip.checksum.status==0 || "
                                              "(tcp.analysis.flags && !tcp.analysis.window_update)",
                                              "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message"});
    ASSERT_EQ(problems.exitCode, 0) << problems.errors;
    EXPECT_EQ(problems.output, "");
    // The capture is not empty: the filter had packets to judge.
    EXPECT_GE(tsharkLines(capture, {"-Y", "pop", "-T", "fields", "-e", "frame.number"}).size(), 17u);
}
