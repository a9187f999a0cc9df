#include <QCheckBox>
#include <QDockWidget>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

#include <memory>

#include "gui/chart/msc_arrow_item.hpp"
#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/chart/sequence_chart_scene.hpp"
#include "gui/chart/sequence_chart_view.hpp"
#include "gui/events/event_filter_proxy.hpp"
#include "gui/events/event_list_panel.hpp"
#include "gui/events/event_table_model.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/widgets/error_dialog.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/main_window.hpp"
#include "simulator/trace/msc_layout.hpp"
#include "tests/gui/panel_fixtures.hpp"

namespace netstage::gui {
namespace {

std::optional<std::size_t> arrowLabelled(const trace::MscChart& chart, const std::string& prefix) {
    for (std::size_t i = 0; i < chart.arrows.size(); ++i) {
        if (chart.arrows[i].label.rfind(prefix, 0) == 0) return i;
    }
    return std::nullopt;
}

TEST(SequenceChartScene, drawsExactlyTheLayoutGeometry) {
    const trace::MscChart chart = trace::buildMsc(testing::scenario01Log());
    const trace::MscLayout layout = trace::layoutMsc(chart);
    SequenceChartScene scene;
    scene.setChart(chart, layout);
    ASSERT_EQ(scene.arrowCount(), chart.arrows.size());
    ASSERT_GT(chart.arrows.size(), 10u);
    EXPECT_EQ(scene.sceneRect(), QRectF(0, 0, layout.width, layout.height));
    for (const auto& geometry : layout.arrows) {
        const MscArrowItem* item = scene.arrowItem(geometry.arrow);
        EXPECT_EQ(item->record(), chart.arrows[geometry.arrow].record);
        EXPECT_EQ(item->labelText().toStdString(), geometry.label);
        if (geometry.self) continue;
        const QPointF middle = item->middle();
        EXPECT_NEAR(middle.x(), (geometry.from.x + geometry.to.x) / 2, 0.01);
        EXPECT_NEAR(middle.y(), (geometry.from.y + geometry.to.y) / 2, 0.01);
    }
}

TEST(SequenceChartScene, highlightsTheArrowOfTheLastRecordThatHappened) {
    const trace::MscChart chart = trace::buildMsc(testing::scenario01Log());
    SequenceChartScene scene;
    scene.setChart(chart, trace::layoutMsc(chart));
    const auto data = arrowLabelled(chart, "DATA");
    ASSERT_TRUE(data);
    const std::size_t record = chart.arrows[*data].record;
    scene.setCursor(record + 1, trace::timeOf(testing::scenario01Log().records[record]));
    EXPECT_EQ(scene.currentArrow(), data);
    EXPECT_TRUE(scene.arrowItem(*data)->isCurrent());
    EXPECT_NEAR(scene.cursorY(), scene.layout().yAt(trace::timeOf(testing::scenario01Log().records[record])), 0.01);
    scene.setCursor(0, Time::zero());
    EXPECT_FALSE(scene.currentArrow().has_value());
    EXPECT_FALSE(scene.arrowItem(*data)->isCurrent());
}

TEST(SequenceChartPanel, rebuildsWithTcpSegmentsAndPerApplicationLifelines) {
    PlayerController player;
    SequenceChartPanel panel{player};
    player.setDocument(std::make_unique<Playback>(testing::scenario01Log()));
    const std::size_t messages = panel.scene().arrowCount();
    ASSERT_GT(messages, 0u);
    for (const auto& arrow : panel.scene().chart().arrows) EXPECT_EQ(arrow.kind, trace::MscArrowKind::Message);

    panel.tcpSegmentsBox().setChecked(true);
    EXPECT_GT(panel.scene().arrowCount(), messages);
    const auto& arrows = panel.scene().chart().arrows;
    EXPECT_TRUE(std::any_of(arrows.begin(), arrows.end(), [](const trace::MscArrow& a) {
        return a.kind == trace::MscArrowKind::Segment && a.label == "SYN";
    }));

    EXPECT_TRUE(panel.scene().chart().lifelines.front().application.empty());
    panel.setPerApplication(true);
    for (const auto& line : panel.scene().chart().lifelines) EXPECT_FALSE(line.application.empty());
}

TEST(SequenceChartView, zoomsWithKeysAndControlWheel) {
    SequenceChartScene scene;
    SequenceChartView view{&scene};
    EXPECT_DOUBLE_EQ(view.zoom(), 1.0);
    QTest::keyClick(&view, Qt::Key_Plus);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.25);
    QTest::keyClick(&view, Qt::Key_Minus);
    QTest::keyClick(&view, Qt::Key_Minus);
    EXPECT_DOUBLE_EQ(view.zoom(), 0.8);
    QTest::keyClick(&view, Qt::Key_0);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.0);
    QWheelEvent wheel{QPointF{10, 10}, QPointF{10, 10}, QPoint{}, QPoint{0, 120}, Qt::NoButton, Qt::ControlModifier,
                      Qt::NoScrollPhase, false};
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.25);
    EXPECT_DOUBLE_EQ(view.transform().m11(), 1.25);
}

class PanelsInWindowTest : public ::testing::Test {
protected:
    MainWindow window{defaultTraceSource(), MainWindow::Options{false}};

    void SetUp() override {
        window.resize(1600, 1000);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.player().setDocument(std::make_unique<Playback>(testing::scenario01Log()));
    }
};

TEST_F(PanelsInWindowTest, panelsAreHiddenAndTheViewMenuShowsThem) {
    AnalysisPanels& panels = window.panels();
    EXPECT_FALSE(panels.chartDock().isVisible());
    EXPECT_FALSE(panels.eventsDock().isVisible());
    EXPECT_FALSE(panels.inspectorDock().isVisible());
    panels.chartDock().toggleViewAction()->trigger();
    panels.eventsDock().toggleViewAction()->trigger();
    EXPECT_TRUE(panels.chartDock().isVisible());
    EXPECT_TRUE(panels.eventsDock().isVisible());
    panels.chartDock().toggleViewAction()->trigger();
    EXPECT_FALSE(panels.chartDock().isVisible());
}

TEST_F(PanelsInWindowTest, clickingAnArrowAndClickingItsEventRowPutTheCursorOnTheSameRecord) {
    AnalysisPanels& panels = window.panels();
    panels.chartDock().show();
    panels.eventsDock().show();
    QApplication::processEvents();

    SequenceChartScene& scene = panels.chart().scene();
    SequenceChartView& view = panels.chart().view();
    const auto mailFrom = arrowLabelled(scene.chart(), "MAIL FROM");
    ASSERT_TRUE(mailFrom);
    const std::size_t record = scene.chart().arrows[*mailFrom].record;
    const MscArrowItem* item = scene.arrowItem(*mailFrom);

    // Click the arrow's line on screen.
    view.centerOn(item->middle());
    const QPoint onScreen = view.mapFromScene(item->middle());
    ASSERT_TRUE(view.viewport()->rect().contains(onScreen));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, onScreen);
    const std::size_t byArrow = window.player().playback()->position();
    EXPECT_EQ(byArrow, record + 1);
    EXPECT_EQ(scene.currentArrow(), mailFrom);
    EXPECT_EQ(panels.events().model().currentRecord(), record);

    window.player().home();
    EXPECT_EQ(window.player().playback()->position(), 0u);
    EXPECT_FALSE(scene.currentArrow().has_value());

    // Click the same message's row in the event list.
    QTableView& table = panels.events().table();
    const QModelIndex row = panels.events().proxy().mapFromSource(
        panels.events().model().indexOfRecord(record, EventTableModel::SummaryColumn));
    ASSERT_TRUE(row.isValid());
    EXPECT_TRUE(row.data().toString().startsWith(QStringLiteral("C: MAIL FROM")));
    table.scrollTo(row);
    QTest::mouseClick(table.viewport(), Qt::LeftButton, Qt::NoModifier, table.visualRect(row).center());
    EXPECT_EQ(window.player().playback()->position(), byArrow);
    EXPECT_EQ(scene.currentArrow(), mailFrom);
}

}  // namespace
}  // namespace netstage::gui
