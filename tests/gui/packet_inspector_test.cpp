#include <QFontMetrics>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "gui/inspector/packet_details.hpp"
#include "gui/inspector/packet_inspector.hpp"
#include "gui/player/player_controller.hpp"
#include "simulator/packet/wire_format.hpp"
#include "tests/gui/panel_fixtures.hpp"

namespace netstage::gui {
namespace {

const trace::PacketRecord* packetAt(const trace::TraceLog& log, std::size_t index) {
    return std::get_if<trace::PacketRecord>(&log.records[index]);
}

std::string payloadOf(const trace::PacketRecord& record) {
    return {record.packet.payload.begin(), record.packet.payload.end()};
}

// The first segment `host` sent whose payload starts with `prefix`.
std::optional<std::size_t> sentSegment(const trace::TraceLog& log, const std::string& prefix) {
    for (std::size_t i = 0; i < log.records.size(); ++i) {
        const auto* record = packetAt(log, i);
        if (record == nullptr || record->action != trace::PacketAction::Sent || record->packet.tcp() == nullptr) continue;
        if (payloadOf(*record).rfind(prefix, 0) == 0) return i;
    }
    return std::nullopt;
}

// The first SYN sent from `from:fromPort` to `to:toPort`.
std::optional<std::uint32_t> synSequence(const trace::TraceLog& log, Ipv4Address from, std::uint16_t fromPort,
                                         Ipv4Address to, std::uint16_t toPort) {
    for (std::size_t i = 0; i < log.records.size(); ++i) {
        const auto* record = packetAt(log, i);
        if (record == nullptr) continue;
        const auto* tcp = record->packet.tcp();
        if (tcp != nullptr && tcp->has(tcp_flags::syn) && record->packet.ip.source == from &&
            record->packet.ip.destination == to && tcp->sourcePort == fromPort && tcp->destinationPort == toPort) {
            return tcp->sequence;
        }
    }
    return std::nullopt;
}

const DetailField* field(const PacketDetails& details, const std::string& section, const std::string& name) {
    for (const auto& s : details.sections) {
        if (s.title != section) continue;
        for (const auto& f : s.fields) {
            if (f.name == name) return &f;
        }
    }
    return nullptr;
}

TEST(PacketDetails, givesAbsoluteAndRelativeNumbersOfTheClientsMailFromSegmentInScenario01) {
    const trace::TraceLog& log = testing::scenario01Log();
    // The server's greeting and the client's MAIL FROM: the client has sent
    // its EHLO/HELO line before, the server its 220 and 250 lines.
    const auto greeting = sentSegment(log, "220 ");
    const auto hello = sentSegment(log, "HELO ");
    const auto mailFrom = sentSegment(log, "MAIL FROM:");
    ASSERT_TRUE(greeting && hello && mailFrom);
    const auto* segment = packetAt(log, *mailFrom);
    const TcpHeader& tcp = *segment->packet.tcp();
    const auto clientIsn = synSequence(log, segment->packet.ip.source, tcp.sourcePort, segment->packet.ip.destination,
                                       tcp.destinationPort);
    const auto serverIsn = synSequence(log, segment->packet.ip.destination, tcp.destinationPort,
                                       segment->packet.ip.source, tcp.sourcePort);
    ASSERT_TRUE(clientIsn && serverIsn);
    // What came before in each direction, found independently of the inspector.
    const auto sentBefore = [&](Ipv4Address from, std::uint16_t port) {
        std::uint32_t bytes = 0;
        for (std::size_t i = 0; i < *mailFrom; ++i) {
            const auto* r = packetAt(log, i);
            if (r == nullptr || r->action != trace::PacketAction::Received || r->packet.tcp() == nullptr) continue;
            if (r->packet.ip.source == from && r->packet.tcp()->sourcePort == port) {
                bytes = std::max<std::uint32_t>(bytes, r->packet.tcp()->sequence - (from == segment->packet.ip.source
                                                                                         ? *clientIsn
                                                                                         : *serverIsn) +
                                                           static_cast<std::uint32_t>(r->packet.payload.size()));
            }
        }
        return bytes;
    };
    const std::uint32_t helloLength = static_cast<std::uint32_t>(packetAt(log, *hello)->packet.payload.size());

    const PacketDetails details = describePacket(log, *mailFrom);
    ASSERT_TRUE(details.sequence && details.acknowledgement);
    EXPECT_EQ(details.sequence->absolute, tcp.sequence);
    EXPECT_EQ(details.sequence->relative, 1u + helloLength);  // SYN takes one number, then HELO's bytes
    EXPECT_EQ(*details.sequence->relative, tcp.sequence - *clientIsn);
    EXPECT_EQ(details.acknowledgement->absolute, tcp.acknowledgement);
    EXPECT_EQ(*details.acknowledgement->relative, tcp.acknowledgement - *serverIsn);
    // Everything the server had sent and the client had received is acknowledged.
    EXPECT_EQ(*details.acknowledgement->relative, sentBefore(segment->packet.ip.destination, tcp.destinationPort));
    EXPECT_GT(*details.acknowledgement->relative, packetAt(log, *greeting)->packet.payload.size());

    const DetailField* sequence = field(details, "TCP", "sequence number");
    ASSERT_NE(sequence, nullptr);
    EXPECT_EQ(sequence->value, std::to_string(tcp.sequence) + " (relative " + std::to_string(1 + helloLength) + ")");
    EXPECT_EQ(field(details, "TCP", "flags")->value, "0x018 [PSH, ACK]");
    EXPECT_EQ(field(details, "IPv4", "source")->value, segment->packet.ip.source.toString());
    EXPECT_EQ(field(details, "TCP", "destination port")->value, "25");
    EXPECT_EQ(details.payloadText, "MAIL FROM: <alice@crepes.fr>\u240d\u240a\n");
}

TEST(PacketDetails, relativeNumbersOfTheHandshakeAreZeroAndOne) {
    const trace::TraceLog& log = testing::scenario01Log();
    std::optional<std::size_t> synAck;
    for (std::size_t i = 0; i < log.records.size() && !synAck; ++i) {
        const auto* r = packetAt(log, i);
        if (r != nullptr && r->packet.tcp() && r->packet.tcp()->has(tcp_flags::syn) && r->packet.tcp()->has(tcp_flags::ack)) {
            synAck = i;
        }
    }
    ASSERT_TRUE(synAck);
    const PacketDetails details = describePacket(log, *synAck);
    EXPECT_EQ(details.sequence->relative, 0u);
    EXPECT_EQ(details.acknowledgement->relative, 1u);
}

TEST(PacketDetails, decodesTheDnsMessageOfAQuery) {
    const trace::TraceLog& log = testing::scenario01Log();
    std::optional<std::size_t> query;
    for (std::size_t i = 0; i < log.records.size() && !query; ++i) {
        const auto* r = packetAt(log, i);
        if (r != nullptr && r->packet.udp() && r->packet.udp()->destinationPort == 53) query = i;
    }
    ASSERT_TRUE(query);
    const PacketDetails details = describePacket(log, *query);
    EXPECT_EQ(field(details, "DNS", "flags")->value.rfind("query", 0), 0u);
    const DetailField* question = field(details, "DNS", "question");
    ASSERT_NE(question, nullptr);
    EXPECT_EQ(question->value, "hamburger.edu MX IN");
    EXPECT_EQ(field(details, "UDP", "destination port")->value, "53");
}

TEST(PacketDetails, hexDumpIsTheWireFormat) {
    const trace::TraceLog& log = testing::scenario01Log();
    const auto mailFrom = sentSegment(log, "MAIL FROM:");
    ASSERT_TRUE(mailFrom);
    const PacketDetails details = describePacket(log, *mailFrom);
    const Bytes wire = toWire(packetAt(log, *mailFrom)->packet);
    EXPECT_EQ(details.hexDump.substr(0, 12), "0000  45 00 ");
    std::vector<std::string> lines;
    std::string rest = details.hexDump;
    for (auto end = rest.find('\n'); end != std::string::npos; end = rest.find('\n')) {
        lines.push_back(rest.substr(0, end));
        rest.erase(0, end + 1);
    }
    ASSERT_EQ(lines.size(), (wire.size() + 15) / 16);
    for (std::size_t i = 0; i < wire.size(); ++i) {
        const std::size_t column = i % 16;
        char expected[4];
        std::snprintf(expected, sizeof expected, "%02x", wire[i]);
        EXPECT_EQ(lines[i / 16].substr(6 + column * 3 + (column >= 8 ? 1 : 0), 2), expected) << "byte " << i;
    }
    EXPECT_NE(lines[2].find("MAIL"), std::string::npos);  // the ASCII column, after 40 header bytes
}

TEST(PacketDetails, makesCarriageReturnAndLineFeedVisible) {
    const Bytes bytes{'H', 'E', 'L', 'O', ' ', 'a', '\r', '\n', '\t', 0x01};
    EXPECT_EQ(visibleText(bytes), "HELO a\u240d\u240a\n\u2409\\x01");
    EXPECT_THROW(describePacket(testing::scenario01Log(), 0), std::out_of_range);  // record 0 is an event
}

TEST(PacketInspector, showsThePacketAtOrBeforeTheCursor) {
    const trace::TraceLog& log = testing::scenario01Log();
    PlayerController player;
    PacketInspector inspector{player};
    player.setDocument(std::make_unique<Playback>(log));
    EXPECT_FALSE(inspector.shownRecord().has_value());
    const auto mailFrom = sentSegment(log, "MAIL FROM:");
    ASSERT_TRUE(mailFrom);
    player.seekRecord(static_cast<qint64>(*mailFrom));
    EXPECT_EQ(inspector.shownRecord(), mailFrom);
    const bool pictures = QFontMetrics{inspector.payload().font()}.inFontUcs4(0x240d);
    EXPECT_EQ(inspector.payload().toPlainText(), pictures ? QStringLiteral("MAIL FROM: <alice@crepes.fr>\u240d\u240a\n")
                                                          : QStringLiteral("MAIL FROM: <alice@crepes.fr>\\r\\n\n"));
    const auto found = inspector.fields().findItems(QStringLiteral("sequence number"), Qt::MatchExactly | Qt::MatchRecursive);
    ASSERT_EQ(found.size(), 1);
    EXPECT_TRUE(found.front()->text(1).endsWith(QStringLiteral("(relative %1)").arg(*describePacket(log, *mailFrom).sequence->relative)));

    // An event row: the packet before it is shown.
    std::size_t event = *mailFrom + 1;
    while (std::holds_alternative<trace::PacketRecord>(log.records[event])) ++event;
    inspector.showRecord(event);
    EXPECT_EQ(inspector.shownRecord(), packetRecordBefore(log, event + 1));
    EXPECT_FALSE(inspector.hex().toPlainText().isEmpty());
}

}  // namespace
}  // namespace netstage::gui
