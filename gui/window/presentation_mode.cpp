#include "gui/window/presentation_mode.hpp"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>

#include "gui/chart/msc_arrow_item.hpp"
#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/chart/sequence_chart_scene.hpp"
#include "gui/chart/sequence_chart_view.hpp"
#include "gui/scene/topology_view.hpp"
#include "gui/widgets/theme_controller.hpp"
#include "gui/window/analysis_panels.hpp"

namespace netstage::gui {

namespace {
// The chart's labels are laid out for 12 px; presentation zooms the chart
// instead, a little less than the fonts so an arrow between neighbouring
// lifelines stays whole.
constexpr double presentationChartZoom = 1.3;

QAction* windowAction(QMainWindow& window, const QString& text, const QKeySequence& key) {
    auto* action = new QAction{text, &window};
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    window.addAction(action);
    return action;
}
}  // namespace

PresentationMode::PresentationMode(QMainWindow& window, Parts parts)
    : QObject{&window},
      window_{window},
      parts_{parts},
      toggle_{windowAction(window, tr("&Presentation Mode"), QKeySequence{Qt::Key_F11})},
      leave_{windowAction(window, tr("Leave Presentation Mode"), QKeySequence{Qt::Key_Escape})} {
    toggle_->setCheckable(true);
    leave_->setEnabled(false);
    connect(toggle_, &QAction::triggered, this, [this](bool on) { setOn(on); });
    connect(leave_, &QAction::triggered, this, [this] { setOn(false); });
}

void PresentationMode::addToMenu(QMenu& menu) const { menu.addAction(toggle_); }

void PresentationMode::setOn(bool on) {
    toggle_->setChecked(on);
    if (on == isOn()) return;
    if (on) {
        enter();
    } else {
        leave();
    }
}

void PresentationMode::enter() {
    AnalysisPanels& panels = parts_.panels;
    QDockWidget& chart = panels.chartDock();
    Saved saved;
    saved.windowState = window_.windowState();
    saved.geometry = window_.geometry();
    saved.docks = window_.saveState();
    for (QDockWidget* dock : {&chart, &panels.eventsDock(), &panels.inspectorDock(), &panels.checklistDock()}) {
        saved.docksHidden << dock->isHidden();
    }
    saved.middleSizes = parts_.middle.sizes();
    saved.menuBarHidden = window_.menuBar()->isHidden();
    saved.controlsHidden = parts_.controls.isHidden();
    saved.sideHidden = parts_.side.isHidden();
    saved.chartFloating = chart.isFloating();
    saved.chartZoom = panels.chart().view().zoom();
    saved_ = saved;

    window_.menuBar()->hide();
    parts_.controls.hide();
    parts_.side.hide();
    panels.eventsDock().hide();
    panels.inspectorDock().hide();
    panels.checklistDock().hide();
    chart.setFloating(false);
    chart.setTitleBarWidget(new QWidget{&chart});  // no dock title on the stage
    panels.chart().setOptionBarsVisible(false);    // nor the chart's check boxes and filters
    chart.show();
    parts_.themes.setPresenting(true);
    panels.chart().view().setZoom(saved.chartZoom * presentationChartZoom);
    window_.showFullScreen();
    arrange();  // again when the window has its full-screen size
    leave_->setEnabled(true);
}

void PresentationMode::leave() {
    AnalysisPanels& panels = parts_.panels;
    QDockWidget& chart = panels.chartDock();
    const QList<QDockWidget*> docks{&chart, &panels.eventsDock(), &panels.inspectorDock(), &panels.checklistDock()};
    const Saved saved = *saved_;
    saved_.reset();
    leave_->setEnabled(false);
    parts_.themes.setPresenting(false);
    QWidget* emptyTitle = chart.titleBarWidget();
    chart.setTitleBarWidget(nullptr);
    delete emptyTitle;
    panels.chart().setOptionBarsVisible(true);
    window_.setWindowState(saved.windowState);
    if (!(saved.windowState & (Qt::WindowMaximized | Qt::WindowFullScreen | Qt::WindowMinimized))) {
        window_.setGeometry(saved.geometry);
    }
    window_.restoreState(saved.docks);
    chart.setFloating(saved.chartFloating);
    for (int i = 0; i < docks.size(); ++i) docks[i]->setHidden(saved.docksHidden[i]);
    window_.menuBar()->setHidden(saved.menuBarHidden);
    parts_.controls.setHidden(saved.controlsHidden);
    parts_.side.setHidden(saved.sideHidden);
    parts_.middle.setSizes(saved.middleSizes);
    panels.chart().view().setZoom(saved.chartZoom);
    parts_.network.fitScene();
    if (chart.isVisible()) panels.chart().revealCursor();
}

void PresentationMode::windowResized() {
    if (isOn()) arrange();
}

void PresentationMode::arrange() {
    // Network and chart side by side, half and half: at 1600 px an arrow
    // between neighbouring lifelines still fits the chart's width.
    window_.resizeDocks({&parts_.panels.chartDock()}, {window_.width() / 2}, Qt::Horizontal);
    // The docks take their new sizes when the layout request posted above is
    // handled; fit and centre after that, not before.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!isOn()) return;
            parts_.network.fitScene();
            // The current arrow in the middle of the chart, not at an edge.
            SequenceChartScene& chart = parts_.panels.chart().scene();
            if (const auto arrow = chart.currentArrow()) parts_.panels.chart().view().centerOn(chart.arrowItem(*arrow));
        },
        Qt::QueuedConnection);
}

}  // namespace netstage::gui
