#include "simulator/trace/json_lines_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/trace/synthetic_run.hpp"

namespace netstage::trace {
namespace {

std::string write(const TraceLog& log) {
    std::ostringstream out;
    JsonLinesWriter writer{out};
    replay(log, writer);
    return out.str();
}

TEST(JsonLinesWriter, writesTheGoldenTextForATinyRun) {
    // The SYN's bytes are on its first record; the drop of the same SYN refers to them by uid.
    const std::string expected =
        R"({"format":"netstage-trace","version":2,"scenario":"tiny \"quoted\"","seed":7})" "\n"
        R"({"t":1500,"kind":"packet","node":"crepes","nodeId":3,"action":"sent","link":0,"uid":1,"len":44,)"
        R"("summary":"10.0.1.2:49152 > 10.0.2.10:25 TCP [SYN] seq=123 win=65535 len=0 mss=1460",)"
        R"("wire":"RQAALABkQABABiNdCgABAgoAAgrAAAAZAAAAewAAAABgAv//wIYAAAIEBbQ="})" "\n"
        R"({"t":2001000,"kind":"packet","node":"r1","nodeId":5,"action":"dropped","link":1,"uid":1,"len":44,)"
        R"("reason":"queue-full"})" "\n"
        R"({"t":3000000,"kind":"event","node":"crepes","layer":"tcp","type":"state",)"
        R"("fields":{"from":"CLOSED","to":"SYN-SENT","port":49152,"delta":-1}})" "\n"
        R"({"t":4000000,"kind":"end"})" "\n";
    EXPECT_EQ(write(testing_support::tinyRun()), expected);
}

TEST(JsonLinesWriter, writesAPacketsBytesOnceAndOnlyTheIpHeaderAfterARouter) {
    const std::string text = write(testing_support::packetJourney());
    std::vector<std::string> lines;
    std::istringstream in{text};
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    ASSERT_EQ(lines.size(), 8u);
    const auto has = [](const std::string& line, std::string_view key) { return line.find(key) != std::string::npos; };
    EXPECT_TRUE(has(lines[1], "\"wire\":") && has(lines[1], "\"summary\":")) << lines[1];
    EXPECT_FALSE(has(lines[2], "\"wire\":") || has(lines[2], "\"ip\":") || has(lines[2], "\"summary\":")) << lines[2];
    // The forwarded copy differs in TTL and header checksum: 20 bytes, not the packet.
    EXPECT_TRUE(has(lines[3], "\"ip\":\"RQAALABkQAA/BiRdCgABAgoAAgo=\"")) << lines[3];
    EXPECT_FALSE(has(lines[3], "\"wire\":")) << lines[3];
    EXPECT_FALSE(has(lines[4], "\"wire\":") || has(lines[4], "\"ip\":")) << lines[4];
    // Received: the packet is forgotten, so the same uid again carries its bytes.
    EXPECT_TRUE(has(lines[5], "\"wire\":")) << lines[5];
    EXPECT_TRUE(has(lines[6], "\"wire\":")) << lines[6];
}

TEST(JsonLinesWriter, writesEachPacketsBytesOncePerJourneyInARealConversation) {
    const TraceLog log = testing_support::smtpConversation();
    const std::string text = write(log);
    std::size_t packets = 0;
    for (const Record& record : log.records) packets += std::holds_alternative<PacketRecord>(record) ? 1 : 0;
    std::size_t wires = 0;
    for (std::size_t at = text.find("\"wire\":"); at != std::string::npos; at = text.find("\"wire\":", at + 1)) ++wires;
    // Each packet is sent, then received: its bytes appear on the first of its two records.
    EXPECT_EQ(wires * 2, packets);
}

TEST(JsonLinesWriter, isByteIdenticalForIdenticalRuns) {
    EXPECT_EQ(write(testing_support::smtpConversation()), write(testing_support::smtpConversation()));
}

TEST(JsonLinesWriter, writesOneLinePerRecordPlusHeaderAndEnd) {
    const TraceLog log = testing_support::smtpConversation();
    const std::string text = write(log);
    EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), log.records.size() + 2);
    EXPECT_EQ(text.substr(0, text.find('\n')),
              R"({"format":"netstage-trace","version":2,"scenario":"01-smtp-alice-to-bob","seed":42})");
    EXPECT_NE(text.find(R"("summary":"10.0.2.10:25 > 10.0.1.2:49152 TCP [PSH, ACK] seq=5001 ack=1001 win=65535 len=19")"),
              std::string::npos);
}

TEST(JsonLinesWriter, replacesInvalidUtf8InsteadOfFailing) {
    TraceLog log = testing_support::tinyRun();
    log.records = {Event{Time::zero(), "", "smtp", "command", {{"line", std::string{"a\xff" "b"}}}}};
    EXPECT_NE(write(log).find("\"line\":\"a\xEF\xBF\xBD" "b\""), std::string::npos);
}

TEST(JsonLinesWriter, refusesAnEventWithARepeatedFieldName) {
    std::ostringstream out;
    JsonLinesWriter writer{out};
    writer.onStart(TraceHeader{"x", 1});
    const Event event{Time::zero(), "a", "smtp", "reply", {{"code", std::int64_t{250}}, {"code", std::int64_t{251}}}};
    EXPECT_THROW(writer.onEvent(event), std::invalid_argument);
}

TEST(JsonLinesWriter, refusesRecordsOutsideStartAndFinish) {
    std::ostringstream out;
    JsonLinesWriter writer{out};
    const Event event{Time::zero(), "a", "smtp", "reply", {}};
    EXPECT_THROW(writer.onEvent(event), std::logic_error);
    writer.onStart(TraceHeader{"x", 1});
    writer.onFinish(Time::zero());
    EXPECT_THROW(writer.onEvent(event), std::logic_error);
}

}  // namespace
}  // namespace netstage::trace
