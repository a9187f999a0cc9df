#include "simulator/trace/transcript.hpp"

#include <gtest/gtest.h>

namespace netstage::trace {
namespace {

Event event(const char* node, const char* layer, const char* type, Fields fields) {
    return Event{Time::fromMilliseconds(1), node, layer, type, std::move(fields)};
}

Event line(const char* connection, const char* from, const char* text) {
    return event("server", "pop3", "line",
                 {{"connection", std::string{connection}}, {"from", std::string{from}}, {"text", std::string{text}}});
}

TEST(TranscriptBuilder, groupsLinesUnderTheirOpenEventsHeader) {
    TranscriptBuilder builder;
    builder.add(event("crepes.fr", "smtp", "open",
                      {{"connection", std::string{"10.0.1.2:49152-10.0.1.10:25"}},
                       {"client", std::string{"alice-pc"}},
                       {"server", std::string{"crepes.fr"}},
                       {"role", std::string{"session"}}}),
                3);
    builder.add(event("crepes.fr", "smtp", "line",
                      {{"connection", std::string{"10.0.1.2:49152-10.0.1.10:25"}},
                       {"from", std::string{"S"}},
                       {"text", std::string{"220 crepes.fr"}}}),
                7);
    const Transcript& t = builder.transcript();
    ASSERT_EQ(t.blocks.size(), 1u);
    EXPECT_EQ(t.text(), "# alice-pc (10.0.1.2:49152) -> crepes.fr (10.0.1.10:25) SMTP\nS: 220 crepes.fr\n");
    ASSERT_EQ(t.messages.size(), 1u);
    EXPECT_EQ(t.messages[0].recordIndex, 7u);
    EXPECT_EQ(t.messages[0].from, 'S');
    EXPECT_EQ(t.blocks[0].messages, std::vector<std::size_t>{0});
}

TEST(TranscriptBuilder, namesALineWithoutItsOpenEventFromTheTopology) {
    TranscriptBuilder builder;
    builder.add(event("", "topology", "node", {{"name", std::string{"bob-pc"}}, {"addresses", std::string{"10.0.0.1"}}}), 0);
    builder.add(line("10.0.0.1:1000-10.0.0.2:110", "C", "USER bob"), 1);
    builder.add(line("10.0.0.3:1000-10.0.0.2:110", "C", "USER carol"), 2);
    const Transcript& t = builder.transcript();
    ASSERT_EQ(t.blocks.size(), 2u);
    EXPECT_EQ(t.blocks[0].header(), "# bob-pc (10.0.0.1:1000) -> server (10.0.0.2:110) POP3");
    EXPECT_EQ(t.blocks[1].header(), "# 10.0.0.3 (10.0.0.3:1000) -> server (10.0.0.2:110) POP3");
}

TEST(TranscriptBuilder, leavesOutLayersWithoutDialogues) {
    TranscriptBuilder builder;
    builder.add(event("ns", "dns", "line", {{"connection", std::string{"10.0.0.1:1000-10.0.0.2:53"}}}), 0);
    builder.add(event("h", "tcp", "state", {{"connection", std::string{"10.0.0.1:1000-10.0.0.2:25"}}}), 1);
    EXPECT_TRUE(builder.transcript().blocks.empty());
    EXPECT_EQ(builder.transcript().text(), "");
}

TEST(TranscriptSink, countsPacketsInTheRecordIndexOfALine) {
    TranscriptSink sink;
    Packet packet;
    packet.transport = UdpHeader{};
    sink.onPacket(PacketEvent{Time::zero(), 0, "h", -1, PacketAction::Sent, {}, packet});
    sink.onEvent(line("10.0.0.1:1000-10.0.0.2:110", "C", "QUIT"));
    ASSERT_EQ(sink.transcript().messages.size(), 1u);
    EXPECT_EQ(sink.transcript().messages[0].recordIndex, 1u);
}

}  // namespace
}  // namespace netstage::trace
