#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QSplitter>
#include <QTest>
#include <gtest/gtest.h>

#include <memory>
#include <ostream>

#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/chart/sequence_chart_view.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/scene/topology_view.hpp"
#include "gui/widgets/look.hpp"
#include "gui/widgets/narration_bar.hpp"
#include "gui/widgets/player_controls.hpp"
#include "gui/widgets/theme_controller.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/main_window.hpp"
#include "tests/gui/panel_fixtures.hpp"
#include "tests/gui/window_fixture.hpp"

namespace netstage::gui {
namespace {

// Everything presentation mode may hide or change, as the teacher left it.
struct Visible {
    bool menuBar, side, controls, chart, events, inspector, fullScreen;
    look::Theme theme;
    int narrationPoints;
    double chartZoom;
    QList<int> splitter;  // network | transcript and host panel
    QSize size;

    bool operator==(const Visible&) const = default;
};

void PrintTo(const Visible& v, std::ostream* out) {
    *out << "menu bar " << v.menuBar << ", side " << v.side << ", controls " << v.controls << ", chart " << v.chart
         << ", events " << v.events << ", inspector " << v.inspector << ", full screen " << v.fullScreen << ", theme "
         << static_cast<int>(v.theme) << ", narration " << v.narrationPoints << " pt, chart zoom " << v.chartZoom
         << ", splitter";
    for (int size : v.splitter) *out << ' ' << size;
    *out << ", window " << v.size.width() << 'x' << v.size.height();
}

class PresentationTest : public testing::WindowOnScenario01 {
protected:
    void SetUp() override { openWindow(1400, 900); }

    Visible visible() {
        AnalysisPanels& panels = window->panels();
        return {window->menuBar()->isVisible(),
                window->sidePanel().isVisible(),
                window->controls().isVisible(),
                panels.chartDock().isVisible(),
                panels.eventsDock().isVisible(),
                panels.inspectorDock().isVisible(),
                window->isFullScreen(),
                look::theme(),
                window->narration().font().pointSize(),
                panels.chart().view().zoom(),
                qobject_cast<QSplitter*>(window->topologyView().parentWidget())->sizes(),
                window->size()};
    }
};

TEST_F(PresentationTest, f11ShowsOnlyTheNetworkTheChartAndTheNarrationFullScreenInLargerType) {
    window->panels().showPanel(QStringLiteral("events"));
    window->panels().showPanel(QStringLiteral("inspector"));
    QApplication::processEvents();
    const Visible before = visible();
    ASSERT_TRUE(before.events);
    ASSERT_FALSE(before.chart);

    QTest::keyClick(window.get(), Qt::Key_F11);
    QApplication::processEvents();
    EXPECT_TRUE(window->isPresenting());
    EXPECT_TRUE(window->presentationAction()->isChecked());
    EXPECT_TRUE(window->isFullScreen());
    EXPECT_FALSE(window->menuBar()->isVisible());
    EXPECT_FALSE(window->sidePanel().isVisible());
    EXPECT_FALSE(window->controls().isVisible());
    EXPECT_FALSE(window->panels().chart().optionBarsVisible());
    EXPECT_FALSE(window->panels().eventsDock().isVisible());
    EXPECT_FALSE(window->panels().inspectorDock().isVisible());
    EXPECT_TRUE(window->panels().chartDock().isVisible());
    EXPECT_TRUE(window->topologyView().isVisible());
    EXPECT_TRUE(window->narration().isVisible());
    EXPECT_EQ(look::theme(), look::Theme::HighContrast);
    EXPECT_GT(window->narration().font().pointSize(), before.narrationPoints);
    EXPECT_GT(window->panels().chart().view().zoom(), before.chartZoom);
    // Network and chart side by side.
    const QRect network = window->topologyView().geometry();
    const QRect chart = window->panels().chartDock().geometry();
    EXPECT_GT(chart.left(), window->topologyView().mapTo(window.get(), QPoint{network.width() - 1, 0}).x());
}

TEST_F(PresentationTest, f11AgainPutsBackEveryPanelAndTheTheme) {
    window->panels().showPanel(QStringLiteral("events"));
    window->themes().setChoice(ThemeChoice::Dark);
    qobject_cast<QSplitter*>(window->topologyView().parentWidget())->setSizes({700, 500});
    QApplication::processEvents();
    const Visible before = visible();
    ASSERT_EQ(before.theme, look::Theme::Dark);

    QTest::keyClick(window.get(), Qt::Key_F11);
    QApplication::processEvents();
    ASSERT_TRUE(window->isPresenting());
    QTest::keyClick(window.get(), Qt::Key_F11);
    QApplication::processEvents();
    EXPECT_FALSE(window->isPresenting());
    EXPECT_FALSE(window->presentationAction()->isChecked());
    EXPECT_EQ(visible(), before);
    EXPECT_TRUE(window->panels().chart().optionBarsVisible());
    EXPECT_EQ(window->themes().choice(), ThemeChoice::Dark);
}

TEST_F(PresentationTest, escapeAlsoLeavesAndDoesNothingOtherwise) {
    window->panels().showPanel(QStringLiteral("chart"));
    QApplication::processEvents();
    const Visible before = visible();
    QTest::keyClick(window.get(), Qt::Key_Escape);
    EXPECT_FALSE(window->isPresenting());

    window->presentationAction()->trigger();
    QApplication::processEvents();
    ASSERT_TRUE(window->isPresenting());
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QApplication::processEvents();
    EXPECT_FALSE(window->isPresenting());
    EXPECT_EQ(visible(), before);
}

TEST_F(PresentationTest, thePlayersKeysStillWorkWithTheMenuBarHidden) {
    QTest::keyClick(window.get(), Qt::Key_F11);
    QApplication::processEvents();
    ASSERT_FALSE(window->menuBar()->isVisible());
    const Playback* playback = window->player().playback();
    ASSERT_NE(playback, nullptr);
    EXPECT_FALSE(playback->currentMessage().has_value());

    QTest::keyClick(window.get(), Qt::Key_Right);
    QTest::keyClick(window.get(), Qt::Key_Right);
    ASSERT_TRUE(playback->currentMessage().has_value());
    EXPECT_EQ(*playback->currentMessage(), 1u);
    QTest::keyClick(window.get(), Qt::Key_Left);
    EXPECT_EQ(*playback->currentMessage(), 0u);
    const std::size_t position = playback->position();
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::ShiftModifier);
    EXPECT_GT(playback->position(), position);

    QTest::keyClick(window.get(), Qt::Key_Space);
    EXPECT_TRUE(window->player().isPlaying());
    QTest::keyClick(window.get(), Qt::Key_Space);
    EXPECT_FALSE(window->player().isPlaying());
}

}  // namespace
}  // namespace netstage::gui
