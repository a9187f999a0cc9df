// The sequence chart's filters (layer, protocol, connection) and its
// economy: items only for the arrows near what a view shows, ticks painted
// only where exposed.
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QApplication>
#include <QPainter>
#include <QScrollBar>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "gui/chart/msc_arrow_item.hpp"
#include "gui/chart/msc_axis_item.hpp"
#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/chart/sequence_chart_scene.hpp"
#include "gui/chart/sequence_chart_view.hpp"
#include "gui/model/playback.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/widgets/look.hpp"
#include "simulator/trace/msc_layout.hpp"
#include "tests/gui/panel_fixtures.hpp"

namespace netstage::gui {
namespace {

class ChartFilterTest : public ::testing::Test {
protected:
    PlayerController player;
    SequenceChartPanel panel{player};

    void SetUp() override { player.setDocument(std::make_unique<Playback>(testing::scenario01Log())); }

    // The unfiltered chart with the same layers, for comparison.
    static trace::MscChart everything(bool messages, bool segments) {
        trace::MscOptions options;
        options.applicationMessages = messages;
        options.tcpSegments = segments;
        return trace::buildMsc(testing::scenario01Log(), options);
    }

    static QStringList choices(const QComboBox& box) {
        QStringList values;
        for (int i = 0; i < box.count(); ++i) values << box.itemData(i).toString();
        return values;
    }
};

TEST_F(ChartFilterTest, offersTheProtocolsOfTheDocument) {
    EXPECT_EQ(choices(panel.protocolFilter()), (QStringList{QString{}, "dns", "pop3", "smtp"}));
    EXPECT_EQ(panel.protocolFilter().itemText(3), QStringLiteral("SMTP"));
}

TEST_F(ChartFilterTest, aProtocolFilterDrawsExactlyThatProtocolsArrows) {
    const trace::MscChart all = everything(true, false);
    for (const char* protocol : {"smtp", "pop3", "dns"}) {
        panel.setProtocolFilter(QString::fromLatin1(protocol));
        const auto& arrows = panel.scene().chart().arrows;
        const auto expected = std::count_if(all.arrows.begin(), all.arrows.end(),
                                            [&](const trace::MscArrow& a) { return a.protocol == protocol; });
        ASSERT_GT(expected, 0) << protocol;
        EXPECT_EQ(static_cast<std::ptrdiff_t>(arrows.size()), expected) << protocol;
        for (const auto& arrow : arrows) EXPECT_EQ(arrow.protocol, protocol);
    }
    panel.setProtocolFilter({});
    EXPECT_EQ(panel.scene().chart().arrows.size(), all.arrows.size());
}

TEST_F(ChartFilterTest, aConnectionFilterDrawsExactlyThatConnectionWithItsSegments) {
    panel.setShowTcpSegments(true);
    const trace::MscChart all = everything(true, true);
    const QStringList connections = choices(panel.connectionFilter()).mid(1);
    ASSERT_GE(connections.size(), 3);  // DNS, SMTP submission, SMTP relay, POP3
    for (const QString& connection : connections) {
        panel.setConnectionFilter(connection);
        ASSERT_EQ(panel.connectionFilter().currentData().toString(), connection);
        const auto& arrows = panel.scene().chart().arrows;
        const auto expected = std::count_if(all.arrows.begin(), all.arrows.end(), [&](const trace::MscArrow& a) {
            return a.connection == connection.toStdString();
        });
        EXPECT_EQ(static_cast<std::ptrdiff_t>(arrows.size()), expected) << connection.toStdString();
        for (const auto& arrow : arrows) EXPECT_EQ(arrow.connection, connection.toStdString());
        // The choices stay while one of them is chosen.
        EXPECT_EQ(choices(panel.connectionFilter()).mid(1), connections);
    }
}

TEST_F(ChartFilterTest, connectionsAreNamedByTheirHostsAndProtocol) {
    const QComboBox& box = panel.connectionFilter();
    bool relay = false;
    for (int i = 1; i < box.count(); ++i) {
        if (box.itemText(i).startsWith(QStringLiteral("SMTP  crepes.fr:")) &&
            box.itemText(i).endsWith(QStringLiteral(" \u2192 hamburger.edu:25"))) {
            relay = true;
        }
    }
    EXPECT_TRUE(relay) << "no SMTP connection from crepes.fr to hamburger.edu:25 among the choices";
}

TEST_F(ChartFilterTest, choosingAProtocolNarrowsTheConnectionChoices) {
    panel.setProtocolFilter(QStringLiteral("smtp"));
    const QComboBox& box = panel.connectionFilter();
    ASSERT_GE(box.count(), 3);  // all, submission, relay
    for (int i = 1; i < box.count(); ++i) EXPECT_TRUE(box.itemText(i).startsWith(QStringLiteral("SMTP"))) << i;
}

TEST_F(ChartFilterTest, theLayerBoxesChooseMessagesSegmentsOrBoth) {
    panel.setShowTcpSegments(true);
    panel.setShowApplicationMessages(false);
    const auto& segmentsOnly = panel.scene().chart().arrows;
    ASSERT_FALSE(segmentsOnly.empty());
    EXPECT_EQ(segmentsOnly.size(), everything(false, true).arrows.size());
    for (const auto& arrow : segmentsOnly) EXPECT_EQ(arrow.kind, trace::MscArrowKind::Segment);
    panel.setShowApplicationMessages(true);
    EXPECT_EQ(panel.scene().chart().arrows.size(), everything(true, true).arrows.size());
}

TEST_F(ChartFilterTest, theExportOptionsAreTheFiltersShown) {
    panel.setProtocolFilter(QStringLiteral("pop3"));
    panel.setShowTcpSegments(true);
    const trace::MscOptions options = panel.options();
    EXPECT_EQ(options.protocols, std::vector<std::string>{"pop3"});
    EXPECT_TRUE(options.tcpSegments);
    EXPECT_TRUE(options.applicationMessages);
    EXPECT_TRUE(options.connections.empty());
}

TEST_F(ChartFilterTest, aNewDocumentStartsUnfiltered) {
    panel.setProtocolFilter(QStringLiteral("dns"));
    player.setDocument(std::make_unique<Playback>(testing::scenario01Log()));
    EXPECT_EQ(panel.protocolFilter().currentIndex(), 0);
    EXPECT_EQ(panel.connectionFilter().currentIndex(), 0);
    EXPECT_EQ(panel.scene().chart().arrows.size(), everything(true, false).arrows.size());
}

// The band showRegion keeps: the region and one region height above and below.
bool inBand(const QRectF& bounds, const QRectF& region) {
    return bounds.bottom() >= region.top() - region.height() && bounds.top() <= region.bottom() + region.height();
}

TEST(SequenceChartScene, makesItemsOnlyForTheArrowsNearTheRegionShown) {
    trace::MscOptions options;
    options.tcpSegments = true;
    const trace::MscChart chart = trace::buildMsc(testing::scenario01Log(), options);
    SequenceChartScene scene;
    scene.setChart(chart, trace::layoutMsc(chart));
    EXPECT_EQ(scene.itemisedArrowCount(), 0u);

    const QRectF top{0, 0, scene.layout().width, 150};
    ASSERT_GT(scene.layout().height, 6 * top.height()) << "the chart is too short for this test";
    scene.showRegion(top);
    std::size_t near = 0;
    for (std::size_t i = 0; i < scene.arrowCount(); ++i) {
        EXPECT_EQ(scene.isItemised(i), inBand(scene.arrowBounds(i), top)) << "arrow " << i;
        if (scene.isItemised(i)) ++near;
    }
    EXPECT_GT(near, 0u);
    EXPECT_LT(near, scene.arrowCount());

    const QRectF bottom{0, scene.layout().height - 150, scene.layout().width, 150};
    scene.showRegion(bottom);
    for (std::size_t i = 0; i < scene.arrowCount(); ++i) {
        EXPECT_EQ(scene.isItemised(i), inBand(scene.arrowBounds(i), bottom)) << "arrow " << i;
    }
}

TEST(SequenceChartScene, anArrowMadeLateIsHighlightedIfItIsCurrent) {
    const trace::MscChart chart = trace::buildMsc(testing::scenario01Log());
    SequenceChartScene scene;
    scene.setChart(chart, trace::layoutMsc(chart));
    const std::size_t last = chart.arrows.size() - 1;
    const std::size_t record = chart.arrows[last].record;
    scene.setCursor(record + 1, trace::timeOf(testing::scenario01Log().records[record]));
    ASSERT_EQ(scene.currentArrow(), last);
    EXPECT_FALSE(scene.isItemised(last));
    EXPECT_TRUE(scene.arrowItem(last)->isCurrent());
    EXPECT_FALSE(scene.arrowItem(0)->isCurrent());
}

TEST(SequenceChartScene, theAxisPaintsOnlyTheTicksInTheExposedPart) {
    const trace::MscChart chart = trace::buildMsc(testing::scenario01Log());
    SequenceChartScene scene;
    scene.setChart(chart, trace::layoutMsc(chart));
    const auto& ticks = scene.layout().ticks;
    ASSERT_GT(ticks.size(), 10u);
    const double middle = ticks[ticks.size() / 2].y;
    const QRectF source{0, middle - 60, scene.layout().width, 120};
    QImage image{source.size().toSize(), QImage::Format_ARGB32_Premultiplied};
    QPainter painter{&image};
    scene.render(&painter, QRectF{QPointF{}, source.size()}, source);
    painter.end();
    const auto expected = std::count_if(ticks.begin(), ticks.end(), [&](const trace::MscTick& tick) {
        return tick.y >= source.top() - 8 && tick.y <= source.bottom() + 8;
    });
    ASSERT_GT(expected, 0);
    EXPECT_EQ(static_cast<std::ptrdiff_t>(scene.axisItem()->ticksLastPainted()), expected);
    EXPECT_LT(scene.axisItem()->ticksLastPainted(), ticks.size());
}

}  // namespace
}  // namespace netstage::gui

namespace netstage::gui {
namespace {

TEST(SequenceChartView, keepsTheLifelineNamesInSightPastTheTopOfALongChart) {
    PlayerController player;
    SequenceChartPanel panel{player};
    panel.resize(900, 500);
    panel.show();
    player.setDocument(std::make_unique<Playback>(testing::scenario01Log()));
    QApplication::processEvents();
    SequenceChartView& view = panel.view();
    EXPECT_FALSE(view.headerPinned());

    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
    QApplication::processEvents();
    ASSERT_TRUE(view.headerPinned());
    const auto& line = panel.scene().layout().lifelines.front();
    const QRectF visible = view.visibleSceneRect();
    // Inside the pinned box, away from its text: the box's fill, not the chart's paper.
    const QPoint inBox = view.mapFromScene(QPointF{line.x - line.boxWidth / 2 + 3, visible.top() + 4 + line.boxHeight - 3});
    const QImage frame = view.viewport()->grab().toImage();
    ASSERT_TRUE(frame.rect().contains(inBox));
    const QColor seen = frame.pixelColor(inBox);
    EXPECT_EQ(seen.rgb(), look::lifelineBoxFill().rgb()) << seen.name().toStdString();

    view.verticalScrollBar()->setValue(0);
    QApplication::processEvents();
    EXPECT_FALSE(view.headerPinned());
}

}  // namespace
}  // namespace netstage::gui
