#include <gtest/gtest.h>

#include "simulator/trace/msc_model.hpp"
#include "tests/trace/msc_fixture.hpp"

using namespace netstage;
using namespace netstage::time_literals;
using namespace netstage::trace;
using namespace netstage::trace::testing_support;

namespace {

std::vector<std::string> labels(const MscChart& chart) {
    std::vector<std::string> out;
    for (const auto& arrow : chart.arrows) out.push_back(arrow.label);
    return out;
}

const MscArrow& arrowLabelled(const MscChart& chart, const std::string& label) {
    for (const auto& arrow : chart.arrows) {
        if (arrow.label == label) return arrow;
    }
    throw std::runtime_error{"no arrow " + label};
}

}  // namespace

TEST(MscModel, drawsOneArrowPerApplicationLineInTimeOrder) {
    const MscChart chart = buildMsc(smtpChart());
    EXPECT_EQ(chart.title, "SMTP in short");
    ASSERT_EQ(chart.lifelines.size(), 2u);
    EXPECT_EQ(chart.lifelines[0].host, "alice-pc");
    EXPECT_EQ(chart.lifelines[1].host, "crepes.fr");
    EXPECT_EQ(labels(chart),
              (std::vector<std::string>{"220 crepes.fr", "HELO alice-pc", "250 ok", "250 more", "QUIT", "221 bye"}));
    for (const auto& arrow : chart.arrows) {
        EXPECT_EQ(arrow.kind, MscArrowKind::Message);
        EXPECT_EQ(arrow.protocol, "smtp");
        EXPECT_EQ(arrow.connection, "10.0.1.2:49152-10.0.1.10:25");
        EXPECT_TRUE(arrow.timed) << arrow.label;
    }
}

TEST(MscModel, clientLinesGoFromClientToServerAndServerLinesBack) {
    const MscChart chart = buildMsc(smtpChart());
    const MscArrow& helo = arrowLabelled(chart, "HELO alice-pc");
    EXPECT_EQ(helo.from, 0u);
    EXPECT_EQ(helo.to, 1u);
    const MscArrow& greeting = arrowLabelled(chart, "220 crepes.fr");
    EXPECT_EQ(greeting.from, 1u);
    EXPECT_EQ(greeting.to, 0u);
}

TEST(MscModel, takesSendAndReceiveTimesFromTheSegmentThatCarriedTheLine) {
    const MscChart chart = buildMsc(smtpChart());
    EXPECT_EQ(arrowLabelled(chart, "220 crepes.fr").sent, 10_ms);
    EXPECT_EQ(arrowLabelled(chart, "220 crepes.fr").received, 13_ms);
    EXPECT_EQ(arrowLabelled(chart, "HELO alice-pc").sent, 20_ms);
    EXPECT_EQ(arrowLabelled(chart, "HELO alice-pc").received, 25_ms);
}

TEST(MscModel, twoLinesInOneSegmentShareItsTimes) {
    const MscChart chart = buildMsc(smtpChart());
    for (const char* label : {"250 ok", "250 more"}) {
        EXPECT_EQ(arrowLabelled(chart, label).sent, 30_ms) << label;
        EXPECT_EQ(arrowLabelled(chart, label).received, 34_ms) << label;
    }
}

TEST(MscModel, aLineSplitOverSegmentsLeavesWithItsFirstByteAndArrivesWithItsLast) {
    const MscChart chart = buildMsc(smtpChart());  // the arrow below refers into it
    const MscArrow& quit = arrowLabelled(chart, "QUIT");
    EXPECT_EQ(quit.sent, 40_ms);
    EXPECT_EQ(quit.received, 47_ms);
}

TEST(MscModel, aLostLineIsDrawnFromItsFirstSendingToTheRetransmissionsArrival) {
    const MscChart chart = buildMsc(smtpChart());
    const MscArrow& bye = arrowLabelled(chart, "221 bye");
    EXPECT_EQ(bye.sent, 50_ms);
    EXPECT_EQ(bye.received, 66_ms);
    EXPECT_FALSE(bye.lost);
}

TEST(MscModel, showsTcpSegmentsWithoutDataOnlyWhenAsked) {
    EXPECT_EQ(buildMsc(smtpChart()).arrows.size(), 6u);
    MscOptions options;
    options.tcpSegments = true;
    const MscChart chart = buildMsc(smtpChart(), options);
    std::vector<std::string> segments;
    for (const auto& arrow : chart.arrows) {
        if (arrow.kind == MscArrowKind::Segment) segments.push_back(arrow.label);
    }
    EXPECT_EQ(segments, (std::vector<std::string>{"SYN", "SYN, ACK", "ACK", "FIN, ACK", "FIN, ACK", "ACK"}));
    EXPECT_EQ(chart.arrows.size(), 12u);
    EXPECT_EQ(chart.arrows.front().label, "SYN");
    EXPECT_EQ(chart.arrows.front().from, 0u);
    EXPECT_EQ(chart.arrows.front().received, 2_ms);
}

TEST(MscModel, showsOnlyTcpSegmentsWhenApplicationMessagesAreOff) {
    MscOptions options;
    options.tcpSegments = true;
    options.applicationMessages = false;
    const MscChart chart = buildMsc(smtpChart(), options);
    ASSERT_EQ(chart.arrows.size(), 6u);
    for (const auto& arrow : chart.arrows) EXPECT_EQ(arrow.kind, MscArrowKind::Segment);
}

TEST(MscModel, aDroppedSegmentIsLost) {
    using namespace tcp_flags;
    MscRun run;
    run.host("a", "pc", Ipv4Address{10, 0, 0, 1});
    run.host("b", "server", Ipv4Address{10, 0, 0, 2});
    TcpConversation tcp{{Ipv4Address{10, 0, 0, 1}, 50000}, {Ipv4Address{10, 0, 0, 2}, 25}, 1, 2};
    run.packet(tcp.segment(true, syn), 1_ms, std::nullopt);
    MscOptions options;
    options.tcpSegments = true;
    const MscChart chart = buildMsc(run.log, options);
    ASSERT_EQ(chart.arrows.size(), 1u);
    EXPECT_TRUE(chart.arrows[0].lost);
    EXPECT_EQ(chart.arrows[0].protocol, "smtp");  // from the well-known port: there was no open event
    EXPECT_EQ(chart.arrows[0].connection, "10.0.0.1:50000-10.0.0.2:25");
}

TEST(MscModel, protocolFilterHidesEveryOtherProtocol) {
    MscOptions options;
    options.protocols = {"pop3"};
    EXPECT_TRUE(buildMsc(smtpChart(), options).arrows.empty());
    EXPECT_TRUE(buildMsc(smtpChart(), options).lifelines.empty());
    options.protocols = {"pop3", "smtp"};
    EXPECT_EQ(buildMsc(smtpChart(), options).arrows.size(), 6u);
}

TEST(MscModel, connectionFilterHidesEveryOtherConnection) {
    MscOptions options;
    options.tcpSegments = true;
    options.connections = {"10.0.1.2:49152-10.0.1.10:26"};
    EXPECT_TRUE(buildMsc(smtpChart(), options).arrows.empty());
    options.connections = {"10.0.1.2:49152-10.0.1.10:25"};
    EXPECT_EQ(buildMsc(smtpChart(), options).arrows.size(), 12u);
}

TEST(MscModel, perApplicationLifelinesNameTheApplication) {
    MscOptions options;
    options.lifelines = MscLifelines::PerApplication;
    const MscChart chart = buildMsc(smtpChart(), options);
    ASSERT_EQ(chart.lifelines.size(), 2u);
    EXPECT_EQ(chart.lifelines[0].label(), "alice-pc user agent");
    EXPECT_EQ(chart.lifelines[1].label(), "crepes.fr mail server");
}

TEST(MscModel, aLineNoPacketCarriedKeepsTheEventsTime) {
    MscRun run;
    run.host("a", "pc", Ipv4Address{10, 0, 0, 1});
    run.host("b", "mail-server", Ipv4Address{10, 0, 0, 2});
    const std::string connection = "10.0.0.1:50000-10.0.0.2:110";
    run.event(5_ms, "b", "pop3", "open", {{"connection", connection}, {"client", "a"}, {"server", "b"}, {"role", "session"}});
    run.event(7_ms, "b", "pop3", "line", {{"connection", connection}, {"from", "S"}, {"text", ""}});
    const MscChart chart = buildMsc(run.log);
    ASSERT_EQ(chart.arrows.size(), 1u);
    EXPECT_FALSE(chart.arrows[0].timed);
    EXPECT_EQ(chart.arrows[0].sent, 7_ms);
    EXPECT_EQ(chart.arrows[0].received, 7_ms);
    EXPECT_EQ(chart.arrows[0].label, "(empty line)");
    EXPECT_EQ(chart.arrows[0].from, 1u);  // lifelines in the scenario's host order
}

TEST(MscModel, ftpDataConnectionsAreMarkedAsData) {
    MscRun run;
    run.host("pc", "pc", Ipv4Address{10, 0, 0, 1});
    run.host("files", "ftp-server", Ipv4Address{10, 0, 0, 2});
    run.event(1_ms, "files", "ftp", "open",
              {{"connection", "10.0.0.1:50000-10.0.0.2:21"}, {"client", "pc"}, {"server", "files"}, {"role", "control"}});
    run.event(2_ms, "files", "ftp", "line", {{"connection", "10.0.0.1:50000-10.0.0.2:21"}, {"from", "C"}, {"text", "LIST"}});
    run.event(3_ms, "files", "ftp", "open",
              {{"connection", "10.0.0.2:20-10.0.0.1:50001"}, {"client", "files"}, {"server", "pc"}, {"role", "data"}});
    run.event(4_ms, "files", "ftp", "line", {{"connection", "10.0.0.2:20-10.0.0.1:50001"}, {"from", "C"}, {"text", "a.txt"}});
    MscOptions options;
    options.lifelines = MscLifelines::PerApplication;
    const MscChart chart = buildMsc(run.log, options);
    ASSERT_EQ(chart.arrows.size(), 2u);
    // The data connection is opened by the server's host, yet joins the same two applications.
    ASSERT_EQ(chart.lifelines.size(), 2u);
    EXPECT_EQ(chart.lifelines[0].label(), "pc FTP client");
    EXPECT_EQ(chart.lifelines[1].label(), "files FTP server");
    EXPECT_EQ(chart.arrows[1].from, 1u);
    EXPECT_EQ(chart.arrows[0].role, MscConnectionRole::Control);
    EXPECT_EQ(chart.arrows[1].role, MscConnectionRole::Data);
    EXPECT_EQ(toString(chart.arrows[1].role), "data");
}

TEST(MscModel, anEmptyTraceGivesAnEmptyChart) {
    const MscChart chart = buildMsc(TraceLog{});
    EXPECT_TRUE(chart.lifelines.empty());
    EXPECT_TRUE(chart.arrows.empty());
    EXPECT_EQ(chart.start, Time::zero());
}

TEST(MscModel, aRefusedActiveModeDataConnectionStillBelongsToFtp) {
    using namespace tcp_flags;
    MscRun run;
    run.host("pc", "pc", Ipv4Address{10, 0, 0, 1});
    run.host("files", "ftp-server", Ipv4Address{10, 0, 0, 2});
    TcpConversation tcp{{Ipv4Address{10, 0, 0, 2}, 20}, {Ipv4Address{10, 0, 0, 1}, 50001}, 1, 2};
    run.packet(tcp.segment(true, syn), 1_ms, 2_ms);
    run.packet(tcp.segment(false, rst | ack), 2_ms, 3_ms);
    MscOptions options;
    options.tcpSegments = true;
    options.lifelines = MscLifelines::PerApplication;
    options.protocols = {"ftp"};
    const MscChart chart = buildMsc(run.log, options);
    ASSERT_EQ(chart.arrows.size(), 2u);
    EXPECT_EQ(chart.arrows[0].role, MscConnectionRole::Data);
    EXPECT_EQ(chart.arrows[1].label, "RST, ACK");
    ASSERT_EQ(chart.lifelines.size(), 2u);
    EXPECT_EQ(chart.lifelines[0].label(), "pc FTP client");
    EXPECT_EQ(chart.lifelines[1].label(), "files FTP server");
}

TEST(MscModel, anActiveModeDataConnectionIsTimedThoughTheServerOpenedIt) {
    using namespace tcp_flags;
    MscRun run;
    run.host("pc", "pc", Ipv4Address{10, 0, 0, 1});
    run.host("files", "ftp-server", Ipv4Address{10, 0, 0, 2});
    // The server's port 20 opens; the open event still names the client's end first.
    TcpConversation tcp{{Ipv4Address{10, 0, 0, 2}, 20}, {Ipv4Address{10, 0, 0, 1}, 50001}, 1, 2};
    run.packet(tcp.segment(true, syn), 1_ms, 2_ms);
    run.packet(tcp.segment(false, syn | ack), 2_ms, 3_ms);
    run.packet(tcp.segment(true, ack), 3_ms, 4_ms);
    const std::string connection = "10.0.0.1:50001-10.0.0.2:20";
    run.event(4_ms, "files", "ftp", "open", {{"connection", connection}, {"client", "pc"}, {"server", "files"}, {"role", "data"}});
    run.event(5_ms, "files", "ftp", "line", {{"connection", connection}, {"from", "S"}, {"text", "a.txt"}});
    run.packet(tcp.segment(true, psh | ack, "a.txt\r\n"), 5_ms, 7_ms);
    run.event(8_ms, "files", "ftp", "line", {{"connection", connection}, {"from", "C"}, {"text", "thanks"}});
    run.packet(tcp.segment(false, psh | ack, "thanks\r\n"), 6_ms, 8_ms);
    MscOptions options;
    options.tcpSegments = true;
    const MscChart chart = buildMsc(run.log, options);
    const MscArrow& data = arrowLabelled(chart, "a.txt");
    EXPECT_TRUE(data.timed);
    EXPECT_EQ(data.sent, 5_ms);
    EXPECT_EQ(data.received, 7_ms);
    EXPECT_EQ(chart.lifelines[data.from].host, "files");
    EXPECT_EQ(chart.lifelines[data.to].host, "pc");
    const MscArrow& reply = arrowLabelled(chart, "thanks");
    EXPECT_EQ(reply.sent, 6_ms);
    EXPECT_EQ(chart.lifelines[reply.from].host, "pc");
    const MscArrow& syn = arrowLabelled(chart, "SYN");
    EXPECT_EQ(chart.lifelines[syn.from].host, "files");
    EXPECT_EQ(syn.connection, connection);
}

TEST(MscModel, aConnectionSeenWithoutItsSynIsStillTimedFromItsFirstData) {
    using namespace tcp_flags;
    MscRun run;
    run.host("a", "pc", Ipv4Address{10, 0, 0, 1});
    run.host("b", "mail-server", Ipv4Address{10, 0, 0, 2});
    TcpConversation tcp{{Ipv4Address{10, 0, 0, 1}, 50000}, {Ipv4Address{10, 0, 0, 2}, 110}, 4'000'000'000u, 7};
    const std::string connection = "10.0.0.1:50000-10.0.0.2:110";
    run.event(1_ms, "b", "pop3", "open", {{"connection", connection}, {"client", "a"}, {"server", "b"}, {"role", "session"}});
    run.packet(tcp.segment(true, psh | ack, "user bob\r\n"), 2_ms, 4_ms);
    run.event(4_ms, "b", "pop3", "line", {{"connection", connection}, {"from", "C"}, {"text", "user bob"}});
    const MscChart chart = buildMsc(run.log);
    ASSERT_EQ(chart.arrows.size(), 1u);
    EXPECT_TRUE(chart.arrows[0].timed);
    EXPECT_EQ(chart.arrows[0].sent, 2_ms);
    EXPECT_EQ(chart.arrows[0].received, 4_ms);
}
