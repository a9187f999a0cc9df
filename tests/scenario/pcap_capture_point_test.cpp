// Where `netstage run --pcap` captures, judged by tshark on a run that loses
// packets: by default each packet is captured once, as the host it is
// addressed to receives it, so a lost packet is absent, its resend is a
// plain retransmission (never "spurious"), and the clock reads the world's
// date (20 February 2020), as the mail headers do. `--pcap-at NODE` holds
// what that one node sends and receives.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <filesystem>
#include <string>
#include <vector>

#include "simulator/core/world_epoch.hpp"
#include "tests/scenario/scenario_support.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/tshark.hpp"

using namespace netstage;
using namespace netstage::test_support;

namespace {

std::string threeAtOncePath() { return (sourceDir() / "tests/scenario/data/three-relayed-at-once.yaml").string(); }

struct Capture {
    std::filesystem::path path;
    trace::TraceLog log;
};

Capture capture(const std::string& fileName, std::optional<std::string> atNode = std::nullopt) {
    Capture result;
    result.path = programTempDir().file(fileName);
    scenario::RunOptions options;
    options.pcapPath = result.path.string();
    options.pcapAtNode = std::move(atNode);
    options.keepLog = true;
    result.log = scenario::runScenario(scenario::loadScenarioFile(threeAtOncePath()), options).log;
    return result;
}

std::vector<std::string> tsharkLines(const std::filesystem::path& path, const std::vector<std::string>& arguments) {
    const auto result = runTshark(path, arguments);
    EXPECT_EQ(result.exitCode, 0) << result.errors;
    return outputLines(result);
}

// One line per packet as tshark prints `-e frame.time_epoch -e ip.src -e ip.dst -e tcp.seq_raw`.
std::string frameLine(const trace::PacketRecord& r) {
    const std::int64_t ns = r.time.nanoseconds();
    char time[40];
    std::snprintf(time, sizeof time, "%lld.%06lld000", static_cast<long long>(worldEpochUnixSeconds + ns / 1'000'000'000),
                  static_cast<long long>(ns % 1'000'000'000 / 1'000));
    std::string line = std::string{time} + '\t' + r.packet.ip.source.toString() + '\t' + r.packet.ip.destination.toString();
    line += '\t';
    if (const auto* tcp = r.packet.tcp()) line += std::to_string(tcp->sequence);
    return line;
}

const std::vector<std::string> frameFields{"-T", "fields", "-e", "frame.time_epoch", "-e", "ip.src",
                                           "-e", "ip.dst", "-e", "tcp.seq_raw"};

std::size_t count(const trace::TraceLog& log, trace::PacketAction action, const std::string& reason = {}) {
    std::size_t n = 0;
    for (const auto& record : log.records) {
        const auto* p = std::get_if<trace::PacketRecord>(&record);
        if (p && p->action == action && (reason.empty() || p->reason == reason)) ++n;
    }
    return n;
}

}  // namespace

TEST(PcapCapturePoint, aLossyRunShowsRetransmissionsThatTsharkDoesNotCallSpurious) {
    const Capture run = capture("lossy-default.pcap");
    ASSERT_GT(count(run.log, trace::PacketAction::Dropped, "loss"), 0u) << "the scenario must lose packets";
    const auto retransmissions =
        tsharkLines(run.path, {"-Y", "tcp.analysis.retransmission", "-T", "fields", "-e", "frame.number"});
    EXPECT_GT(retransmissions.size(), 0u);
    const auto spurious =
        tsharkLines(run.path, {"-Y", "tcp.analysis.spurious_retransmission", "-T", "fields", "-e", "frame.number"});
    EXPECT_EQ(spurious, std::vector<std::string>{});
}

TEST(PcapCapturePoint, theDefaultCaptureHoldsExactlyThePacketsReceivedAndNoneLostOnTheWay) {
    const Capture run = capture("lossy-received.pcap");
    std::vector<std::string> received;
    std::vector<std::string> lost;
    for (const auto& record : run.log.records) {
        const auto* p = std::get_if<trace::PacketRecord>(&record);
        if (p && p->action == trace::PacketAction::Received && p->link >= 0) received.push_back(frameLine(*p));
        if (p && p->action == trace::PacketAction::Dropped && p->reason == "loss") lost.push_back(frameLine(*p));
    }
    ASSERT_FALSE(lost.empty());
    const auto frames = tsharkLines(run.path, frameFields);
    EXPECT_EQ(frames, received);
    for (const auto& line : lost) EXPECT_EQ(std::count(frames.begin(), frames.end(), line), 0) << line;
}

TEST(PcapCapturePoint, timestampsCarryTheScenarioDateNot1970) {
    const Capture run = capture("dated.pcap");
    const auto times = tsharkLines(run.path, {"-c", "1", "-t", "ud", "-T", "fields", "-e", "_ws.col.Time"});
    ASSERT_EQ(times.size(), 1u);
    EXPECT_EQ(times.front().substr(0, 19), "2020-02-20 09:00:00") << times.front();
    const auto epochs = tsharkLines(run.path, {"-c", "1", "-T", "fields", "-e", "frame.time_epoch"});
    ASSERT_EQ(epochs.size(), 1u);
    EXPECT_EQ(epochs.front().substr(0, 11), "1582189200.");  // 09:00 and a fraction of a second into the lecture
}

TEST(PcapCapturePoint, aCaptureAtOneHostHoldsWhatItSendsAndReceivesAndNothingElse) {
    const Capture run = capture("at-hamburger.pcap", "hamburger.edu");
    std::vector<std::string> expected;
    for (const auto& record : run.log.records) {
        const auto* p = std::get_if<trace::PacketRecord>(&record);
        if (!p || p->nodeName != "hamburger.edu") continue;
        if (p->action == trace::PacketAction::Sent || (p->action == trace::PacketAction::Received && p->link >= 0)) {
            expected.push_back(frameLine(*p));
        }
    }
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(tsharkLines(run.path, frameFields), expected);
    const auto elsewhere = tsharkLines(run.path, {"-Y", "ip.addr != 10.0.2.10", "-T", "fields", "-e", "frame.number"});
    EXPECT_EQ(elsewhere, std::vector<std::string>{});
}

TEST(PcapCapturePoint, aCaptureAtARouterShowsEachForwardedPacketComingInAndGoingOut) {
    const Capture run = capture("at-internet.pcap", "internet");
    const std::size_t forwardedThere = [&] {
        std::size_t n = 0;
        for (const auto& record : run.log.records) {
            const auto* p = std::get_if<trace::PacketRecord>(&record);
            if (p && p->nodeName == "internet" && p->action == trace::PacketAction::Forwarded) ++n;
        }
        return n;
    }();
    ASSERT_GT(forwardedThere, 0u);
    const auto ttls = tsharkLines(run.path, {"-T", "fields", "-e", "ip.ttl"});
    // Nothing is dropped at the router itself in this scenario: every packet that arrives leaves.
    EXPECT_EQ(ttls.size(), 2 * forwardedThere);
}

TEST(PcapCapturePoint, theSameSeedWritesByteIdenticalCaptures) {
    EXPECT_EQ(slurp(capture("same-a.pcap").path), slurp(capture("same-b.pcap").path));
    EXPECT_EQ(slurp(capture("same-at-a.pcap", "crepes.fr").path), slurp(capture("same-at-b.pcap", "crepes.fr").path));
}

TEST(PcapCapturePoint, aCaptureAtANodeTheScenarioDoesNotHaveIsRefusedByName) {
    scenario::RunOptions options;
    options.pcapPath = programTempDir().file("nowhere.pcap").string();
    options.pcapAtNode = "hamburger.com";
    try {
        scenario::runScenario(scenario::loadScenarioFile(threeAtOncePath()), options);
        FAIL() << "expected an error";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string{e.what()}.find("no node named \"hamburger.com\""), std::string::npos) << e.what();
    }
}
