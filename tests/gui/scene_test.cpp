#include <QSignalSpy>
#include <gtest/gtest.h>

#include "gui/model/playback.hpp"
#include "gui/scene/drop_item.hpp"
#include "gui/scene/link_item.hpp"
#include "gui/scene/node_item.hpp"
#include "gui/scene/packet_item.hpp"
#include "gui/scene/topology_scene.hpp"
#include "tests/gui/sample_trace.hpp"

namespace netstage::gui {
namespace {

using namespace netstage::time_literals;

class TopologySceneTest : public ::testing::Test {
protected:
    Playback playback{testing::smtpSampleTrace()};
    TopologyScene scene;

    void SetUp() override { scene.setPlayback(&playback); }
    void TearDown() override { scene.setPlayback(nullptr); }

    QStringList packetTexts() const {
        QStringList texts;
        for (PacketItem* item : scene.visiblePackets()) texts << item->text();
        return texts;
    }
};

PacketHop hopOf(ProtocolKind protocol, bool control, std::string label) {
    PacketHop hop;
    hop.protocol = protocol;
    hop.control = control;
    hop.label = std::move(label);
    return hop;
}

TEST(PacketItem, ftpControlAndDataConnectionsLookDifferentAndSaySo) {
    PacketItem control;
    control.setHop(hopOf(ProtocolKind::FtpControl, false, "RETR report.pdf"));
    EXPECT_EQ(control.form(), PacketItem::Form::Label);
    EXPECT_EQ(control.text(), QStringLiteral("RETR report.pdf"));
    EXPECT_EQ(control.tag(), QStringLiteral("control :21"));

    PacketItem data;
    data.setHop(hopOf(ProtocolKind::Data, false, "1460 B"));
    EXPECT_EQ(data.form(), PacketItem::Form::Block);
    EXPECT_EQ(data.text(), QStringLiteral("data 1460 B"));
    EXPECT_TRUE(data.tag().isEmpty());
    // The tag makes the control packet taller: it is part of what is drawn.
    PacketItem untagged;
    untagged.setHop(hopOf(ProtocolKind::Smtp, false, "RETR report.pdf"));
    EXPECT_TRUE(untagged.tag().isEmpty());
    EXPECT_GT(control.boundingRect().height(), untagged.boundingRect().height());
}

TEST(PacketItem, aReusedItemTakesTheNewHopsLookAndDropsTheOldTag) {
    PacketItem item;
    item.setHop(hopOf(ProtocolKind::FtpControl, false, "PASV"));
    const QRectF tagged = item.boundingRect();
    PacketHop syn = hopOf(ProtocolKind::FtpControl, true, "SYN");
    syn.tcpFlags = tcp_flags::syn;
    item.setHop(syn);
    EXPECT_EQ(item.form(), PacketItem::Form::Mark);
    EXPECT_EQ(item.text(), QStringLiteral("SYN"));
    EXPECT_TRUE(item.tag().isEmpty());
    EXPECT_LT(item.boundingRect().height(), tagged.height());
}

TEST(PacketItem, namesAControlMarkByItsFlagBitsNotByItsLabel) {
    const auto mark = [](std::uint8_t flags, const char* label) {
        PacketHop hop = hopOf(ProtocolKind::Smtp, true, label);
        hop.tcpFlags = flags;
        PacketItem item;
        item.setHop(hop);
        return item.text();
    };
    EXPECT_EQ(mark(tcp_flags::syn | tcp_flags::ack, "SYN, ACK"), QStringLiteral("SYN, ACK"));
    EXPECT_EQ(mark(tcp_flags::fin | tcp_flags::ack, "FIN, ACK"), QStringLiteral("FIN, ACK"));
    EXPECT_EQ(mark(tcp_flags::rst, "RST"), QStringLiteral("RST"));
    // A bare ACK is not named, whatever its label says.
    EXPECT_TRUE(mark(tcp_flags::ack, "ACK").isEmpty());
    EXPECT_TRUE(mark(tcp_flags::ack, "SYN?").isEmpty());
}

TEST_F(TopologySceneTest, hasOneItemPerNodeAndLinkNamedAndLabelled) {
    ASSERT_EQ(scene.nodeItems().size(), 4);
    ASSERT_EQ(scene.linkItems().size(), 3);
    EXPECT_NE(scene.nodeItem(QStringLiteral("hamburger.edu")), nullptr);
    for (LinkItem* link : scene.linkItems()) EXPECT_EQ(link->label(), QStringLiteral("10 Mbit/s \u00b7 10 ms"));
}

TEST_F(TopologySceneTest, linkLabelsDoNotCoverNodes) {
    ASSERT_FALSE(scene.linkItems().empty());
    ASSERT_FALSE(scene.nodeItems().empty());
    for (LinkItem* link : scene.linkItems()) {
        for (NodeItem* node : scene.nodeItems()) {
            const QRectF nodeBox = node->mapRectToScene(node->occupiedRect());
            EXPECT_FALSE(link->labelRect().intersects(nodeBox)) << node->name().toStdString();
        }
    }
}

TEST_F(TopologySceneTest, aPacketCarryingALineShowsItsText) {
    playback.seekMessage(1);  // C: HELO crepes.fr has just arrived; step to it being sent instead
    const AppMessage& helo = playback.messages()[1];
    playback.seekTime(helo.time - 15_ms);
    scene.showCursor();
    EXPECT_TRUE(packetTexts().contains(QStringLiteral("HELO crepes.fr"))) << packetTexts().join(',').toStdString();
}

TEST_F(TopologySceneTest, packetsMoveAlongTheirLinkAsTimePasses) {
    const PacketHop& hop = playback.hops().front();
    playback.seekTime(hop.start + 1_ms);
    scene.showCursor();
    ASSERT_EQ(scene.visiblePackets().size(), 1);
    const QPointF early = scene.visiblePackets().front()->pos();
    playback.seekTime(hop.start + 8_ms);
    scene.showCursor();
    ASSERT_EQ(scene.visiblePackets().size(), 1);
    const QPointF later = scene.visiblePackets().front()->pos();
    const QPointF from = scene.nodeItem(QStringLiteral("crepes.fr"))->pos();
    EXPECT_GT(QLineF(from, later).length(), QLineF(from, early).length());
    playback.seekTime(hop.arrival);  // the router passes it on to the next link
    scene.showCursor();
    ASSERT_EQ(scene.visiblePackets().size(), 1);
    const QPointF router = scene.nodeItem(QStringLiteral("router"))->pos();
    const QPointF next = scene.visiblePackets().front()->pos();
    EXPECT_LT(QLineF(router, next).length(), QLineF(from, next).length() - QLineF(from, router).length() / 2);
}

TEST_F(TopologySceneTest, controlSegmentsAreSmallMarksThatCanBeHidden) {
    const auto syn = std::find_if(playback.hops().begin(), playback.hops().end(),
                                  [](const PacketHop& h) { return h.label == "SYN"; });
    ASSERT_NE(syn, playback.hops().end());
    playback.seekTime(syn->start + 2_ms);
    scene.showCursor();
    ASSERT_EQ(scene.visiblePackets().size(), 1);
    EXPECT_EQ(scene.visiblePackets().front()->form(), PacketItem::Form::Mark);
    EXPECT_EQ(scene.visiblePackets().front()->text(), QStringLiteral("SYN"));
    scene.setShowControlSegments(false);
    EXPECT_TRUE(scene.visiblePackets().empty());
    scene.setShowControlSegments(true);
    EXPECT_EQ(scene.visiblePackets().size(), 1);
}

TEST_F(TopologySceneTest, aLostPacketVanishesMidLinkAndLeavesADropMark) {
    const auto lost = std::find_if(playback.hops().begin(), playback.hops().end(),
                                   [](const PacketHop& h) { return h.lost; });
    ASSERT_NE(lost, playback.hops().end());
    const Time half = (lost->arrival - lost->start) / 2;
    playback.seekTime(lost->start + half - 1_ms);
    scene.showCursor();
    EXPECT_EQ(scene.visiblePackets().size(), 1);
    EXPECT_TRUE(scene.visibleDrops().empty());
    playback.seekTime(lost->start + half + 1_ms);
    scene.showCursor();
    EXPECT_TRUE(scene.visiblePackets().empty());
    ASSERT_EQ(scene.visibleDrops().size(), 1);
    EXPECT_EQ(scene.visibleDrops().front()->reason(), QStringLiteral("loss"));
}

TEST_F(TopologySceneTest, mailBadgesFollowTheCursor) {
    playback.seekTime(Time::zero());
    scene.showCursor();
    EXPECT_EQ(scene.nodeItem(QStringLiteral("crepes.fr"))->queueCount(), 1);
    EXPECT_EQ(scene.nodeItem(QStringLiteral("hamburger.edu"))->mailboxCount(), 0);
    playback.end();
    scene.showCursor();
    EXPECT_EQ(scene.nodeItem(QStringLiteral("crepes.fr"))->queueCount(), 0);
    EXPECT_EQ(scene.nodeItem(QStringLiteral("hamburger.edu"))->mailboxCount(), 1);
    playback.home();
    scene.showCursor();
    EXPECT_EQ(scene.nodeItem(QStringLiteral("hamburger.edu"))->mailboxCount(), 0);
}

TEST_F(TopologySceneTest, selectingANodeNamesTheHost) {
    QSignalSpy selected{&scene, &TopologyScene::hostSelected};
    scene.selectHost(QStringLiteral("router"));
    EXPECT_EQ(scene.selectedHost(), QStringLiteral("router"));
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected[0][0].toString(), QStringLiteral("router"));
}

}  // namespace
}  // namespace netstage::gui
