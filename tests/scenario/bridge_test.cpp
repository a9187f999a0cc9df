// Outside connections into a world: typed bytes cross the simulated network,
// the server's replies come back out, and every input is in the trace.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "simulator/apps/bridge.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/scenario/session_recording.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/trace/recorder.hpp"
#include "simulator/trace/transcript.hpp"
#include "tests/scenario/scenario_support.hpp"
#include "tests/support/lecture.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

struct BridgedWorld {
    scenario::ScenarioSpec spec = scenario::loadScenarioFile(test_support::scenarioPath("01-smtp-alice-to-bob"));
    trace::Tracer tracer;
    trace::Recorder recorder;
    trace::TranscriptSink transcript;
    std::unique_ptr<scenario::World> world;
    std::unique_ptr<apps::Bridge> bridge;
    std::map<apps::BridgeId, std::string> received;
    std::vector<std::string> happenings;

    explicit BridgedWorld(const std::string& from = "alice-pc") {
        tracer.addSink(recorder);
        tracer.addSink(transcript);
        world = std::make_unique<scenario::World>(spec, tracer);
        apps::BridgeCallbacks callbacks;
        callbacks.connected = [this](apps::BridgeId id) { happenings.push_back("connected " + std::to_string(id)); };
        callbacks.received = [this](apps::BridgeId id, std::string_view bytes) { received[id] += bytes; };
        callbacks.peerClosed = [this](apps::BridgeId id) { happenings.push_back("peer closed " + std::to_string(id)); };
        callbacks.ended = [this](apps::BridgeId id, const std::string& outcome) {
            happenings.push_back("ended " + std::to_string(id) + ": " + outcome);
        };
        bridge = std::make_unique<apps::Bridge>(*world->hostStack(from), std::move(callbacks));
    }

    Endpoint server(const std::string& host, std::uint16_t port) const { return {spec.findHost(host)->address, port}; }

    // Runs the world on by `delay`, in the small steps a live run takes.
    void wait(Time delay) {
        const Time until = world->simulator().now() + delay;
        while (world->simulator().now() < until) world->advanceTo(std::min(until, world->simulator().now() + 10_ms));
    }

    std::vector<const trace::Event*> bridgeEvents() const {
        std::vector<const trace::Event*> events;
        for (const auto& record : recorder.records()) {
            if (const auto* event = std::get_if<trace::Event>(&record); event != nullptr && event->layer == "bridge") {
                events.push_back(event);
            }
        }
        return events;
    }
};

}  // namespace

TEST(Bridge, theLecturesDialogueTypedFromOutsideGetsTheLecturesReplies) {
    BridgedWorld live;
    live.wait(30_s);  // scenario 01's own mail has gone by now
    live.bridge->open(1, live.server("hamburger.edu", 25));
    live.wait(1_s);
    for (const char* line : {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <bob@hamburger.edu>", "DATA",
                             "Do you like ketchup?", "How about pickles?", ".", "QUIT"}) {
        live.bridge->send(1, std::string{line} + "\r\n");
        live.wait(500_ms);
    }
    live.wait(5_s);
    const trace::TranscriptBlock* block = nullptr;
    for (const auto& candidate : live.transcript.blocks()) {
        if (candidate.protocol == "SMTP" && candidate.client == "alice-pc") block = &candidate;
    }
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(block->lines, test_support::lectureSmtpDialogue());
    EXPECT_EQ(live.received[1].rfind("220 hamburger.edu\r\n250 Hello crepes.fr, pleased to meet you\r\n", 0), 0u)
        << live.received[1];
    EXPECT_NE(live.received[1].find("\r\n221 hamburger.edu closing connection\r\n"), std::string::npos);
    // The server closed after QUIT; the simulated client side closes too, as a socket's owner would on EOF.
    EXPECT_EQ(live.happenings, (std::vector<std::string>{"connected 1", "peer closed 1", "ended 1: closed"}));
    EXPECT_FALSE(live.bridge->isOpen(1));
    live.bridge->send(1, "NOOP\r\n");  // like a write to a closed socket: nothing happens, nothing is traced
    EXPECT_EQ(live.bridgeEvents().size(), 9u) << "open and eight lines";
}

TEST(Bridge, everyInputIsATraceEventAtItsSimulatedTime) {
    BridgedWorld live;
    live.wait(30_s);
    const Time openedAt = live.world->simulator().now();
    live.bridge->open(7, live.server("hamburger.edu", 25));
    live.wait(1_s);
    const Time typedAt = live.world->simulator().now();
    live.bridge->send(7, "NOOP\r\n");
    live.bridge->send(7, std::string{"\0\xff\r\n", 4});
    live.wait(1_s);
    live.bridge->close(7);
    live.wait(5_s);
    const auto events = live.bridgeEvents();
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0]->type, "open");
    EXPECT_EQ(events[0]->time, openedAt);
    EXPECT_EQ(events[0]->node, "alice-pc");
    EXPECT_EQ(events[0]->fields, (trace::Fields{{"id", std::int64_t{7}}, {"server", std::string{"10.0.2.10:25"}}}));
    EXPECT_EQ(events[1]->type, "input");
    EXPECT_EQ(events[1]->time, typedAt);
    EXPECT_EQ(events[1]->fields, (trace::Fields{{"id", std::int64_t{7}}, {"text", std::string{"NOOP\r\n"}}}));
    EXPECT_EQ(events[2]->fields, (trace::Fields{{"id", std::int64_t{7}}, {"base64", std::string{"AP8NCg=="}}}));
    EXPECT_EQ(events[3]->type, "close");
    EXPECT_NE(live.received[7].find("250 OK"), std::string::npos) << live.received[7];
}

TEST(Bridge, aServerThatIsNotThereEndsTheConnectionWithTheReason) {
    BridgedWorld live;
    live.bridge->open(2, live.server("hamburger.edu", 2525));
    live.bridge->send(2, "HELO\r\n");
    live.wait(10_s);
    ASSERT_FALSE(live.happenings.empty());
    EXPECT_EQ(live.happenings.back(), "ended 2: refused (the server host answered the SYN with a reset)");
    EXPECT_TRUE(live.received[2].empty());
    EXPECT_EQ(live.bridge->openCount(), 0u);
    live.bridge->open(2, live.server("hamburger.edu", 25));  // the id may be used again
    EXPECT_TRUE(live.bridge->isOpen(2));
    EXPECT_THROW(live.bridge->open(2, live.server("hamburger.edu", 25)), std::invalid_argument);
}

TEST(BridgeBytes, printableTextStaysTextAndAnythingElseBecomesBase64) {
    EXPECT_EQ(apps::encodeBridgeBytes("HELO crepes.fr\r\n").field, "text");
    EXPECT_EQ(apps::encodeBridgeBytes("Grüße\taus München\n").field, "text");
    for (const std::string& bytes : {std::string{"a\0b", 3}, std::string{"\xff"}, std::string{"\xc3"}, std::string{"\x1b[0m"},
                                    std::string{"\xed\xa0\x80"}, std::string{"\xc0\xaf"}}) {
        const apps::BridgeBytes encoded = apps::encodeBridgeBytes(bytes);
        EXPECT_EQ(encoded.field, "base64") << ::testing::PrintToString(bytes);
        EXPECT_EQ(apps::decodeBridgeBytes(encoded.field, encoded.value), bytes);
    }
    EXPECT_EQ(apps::decodeBridgeBytes("hex", "00"), std::nullopt);
    EXPECT_EQ(apps::decodeBridgeBytes("base64", "!!"), std::nullopt);
}

namespace {

// What the scenario's own file says, for appending a recorded session to it.
std::string scenario01Text() { return test_support::readSourceFile("scenarios/01-smtp-alice-to-bob.yaml"); }

std::vector<trace::Record> runToRecords(const scenario::ScenarioSpec& spec) {
    trace::Tracer tracer;
    trace::Recorder recorder;
    tracer.addSink(recorder);
    scenario::World world{spec, tracer};
    world.run();
    return recorder.records();
}

}  // namespace

TEST(SessionRecording, aRecordedLiveSessionReplaysToTheSameRecords) {
    BridgedWorld live;
    scenario::SessionRecording recording{live.spec, "alice-pc"};
    live.tracer.addSink(recording);
    // Inputs at odd times, one of them binary, one at the very moment a reply arrives.
    live.wait(2_s + 123_ns);
    live.bridge->open(1, live.server("hamburger.edu", 25));
    live.wait(700_ms);
    live.bridge->send(1, "EHLO crepes.fr\r\n");
    live.wait(41_ms);
    live.bridge->send(1, std::string{"\0\xff garbage\r\n", 12});
    live.bridge->open(2, live.server("hamburger.edu", 110));
    live.wait(900_ms);
    live.bridge->send(2, "USER bob\r\nPASS hungry\r\nLIST\r\nQUIT\r\n");
    live.wait(1_s);
    live.bridge->send(1, "QUIT\r\n");
    live.bridge->close(1);
    live.wait(20_s);
    ASSERT_FALSE(recording.empty());

    const std::string recorded = recording.recordedScenario(scenario01Text());
    EXPECT_NE(recorded.find("  from: \"alice-pc\"\n"), std::string::npos) << recorded;
    EXPECT_NE(recorded.find("    - {at: 2.000000123s, id: 1, open: \"hamburger.edu:25\"}\n"), std::string::npos) << recorded;
    EXPECT_NE(recorded.find(", id: 1, send: \"EHLO crepes.fr\\r\\n\"}"), std::string::npos) << recorded;
    EXPECT_NE(recorded.find(", id: 1, send_base64: \"AP8gZ2FyYmFnZQ0K\"}"), std::string::npos) << recorded;

    const scenario::ScenarioSpec replay = scenario::loadScenarioText(recorded, "recorded.yaml");
    ASSERT_TRUE(replay.bridge.has_value());
    EXPECT_EQ(replay.bridge->inputs.size(), 7u);
    const std::vector<trace::Record> replayed = runToRecords(replay);
    live.world->run();  // the live world to its end too (idle timers, TIME-WAIT)
    // Everything the live run wrote comes back in the same order.
    ASSERT_EQ(replayed.size(), live.recorder.records().size());
    EXPECT_TRUE(replayed == live.recorder.records());
}

TEST(SessionRecording, writesExactTimes) {
    EXPECT_EQ(scenario::exactSeconds(Time::zero()), "0s");
    EXPECT_EQ(scenario::exactSeconds(2_s), "2s");
    EXPECT_EQ(scenario::exactSeconds(31_s + 204'518'123_ns), "31.204518123s");
    EXPECT_EQ(scenario::exactSeconds(10_ms), "0.01s");
}

TEST(SessionRecording, aScenarioThatAlreadyReplaysASessionIsNotRecordedOver) {
    const std::string text = scenario01Text() +
                             "bridge:\n  from: alice-pc\n  inputs:\n    - {at: 1s, id: 1, open: \"hamburger.edu:25\"}\n";
    const scenario::ScenarioSpec spec = scenario::loadScenarioText(text, "again.yaml");
    scenario::SessionRecording recording{spec, "alice-pc"};
    EXPECT_THROW((void)recording.recordedScenario(text), std::invalid_argument);
}

TEST(BridgeSection, aBrokenInputIsRefusedWithItsPosition) {
    const std::string head = scenario01Text() + "bridge:\n  from: alice-pc\n  inputs:\n";
    const auto errorFor = [&](const std::string& inputs) -> std::string {
        try {
            (void)scenario::loadScenarioText(head + inputs, "live.yaml");
        } catch (const scenario::ScenarioError& e) {
            return e.what();
        }
        return "accepted";
    };
    const int line = static_cast<int>(std::count(head.begin(), head.end(), '\n')) + 1;
    EXPECT_EQ(errorFor("    - {at: 1s, id: 1, send: \"x\"}\n").rfind("live.yaml:" + std::to_string(line) + ":20: ", 0), 0u)
        << errorFor("    - {at: 1s, id: 1, send: \"x\"}\n");
    EXPECT_NE(errorFor("    - {at: 1s, id: 1, send: \"x\"}\n").find("connection 1 is not open"), std::string::npos);
    EXPECT_NE(errorFor("    - {at: 1s, id: 1, open: \"nowhere.org:25\"}\n").find("unknown host 'nowhere.org'"), std::string::npos);
    EXPECT_NE(errorFor("    - {at: 1s, id: 1, open: \"hamburger.edu\"}\n").find("expected host:port"), std::string::npos);
    EXPECT_NE(errorFor("    - {at: 1s, id: 1, open: \"hamburger.edu:70000\"}\n").find("expected host:port"), std::string::npos);
    EXPECT_NE(errorFor("    - {at: 1s, id: 1, open: \"hamburger.edu:25\", close: true}\n").find("exactly one of"),
              std::string::npos);
    const std::string outOfOrder = errorFor("    - {at: 2s, id: 1, open: \"hamburger.edu:25\"}\n    - {at: 1s, id: 1, close: true}\n");
    EXPECT_EQ(outOfOrder.rfind("live.yaml:" + std::to_string(line + 1) + ":12: inputs must be in time order", 0), 0u) << outOfOrder;
    EXPECT_NE(errorFor("    - {at: 1s, id: 1, open: \"hamburger.edu:25\"}\n    - {at: 2s, id: 1, close: true}\n"
                       "    - {at: 3s, id: 1, open: \"hamburger.edu:25\"}\n")
                  .find("each connection has its own id"),
              std::string::npos);
    EXPECT_NE(errorFor("    - {at: 1s, id: 1, open: \"hamburger.edu:25\"}\n    - {at: 2s, id: 1, send_base64: \"!!\"}\n")
                  .find("expected base64"),
              std::string::npos);
    EXPECT_EQ(errorFor("    - {at: 1s, id: 1, open: \"hamburger.edu:25\"}\n    - {at: 2s, id: 1, send_base64: \"AP8=\"}\n"),
              "accepted");
}
