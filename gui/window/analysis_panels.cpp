#include "gui/window/analysis_panels.hpp"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <algorithm>

#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/checklist/checklist_panel.hpp"
#include "gui/events/event_list_panel.hpp"
#include "gui/inspector/packet_inspector.hpp"

namespace netstage::gui {

namespace {
QDockWidget* dock(QMainWindow& window, const QString& title, const QString& name, QWidget* content,
                  Qt::DockWidgetArea area, const QKeySequence& key) {
    auto* widget = new QDockWidget{title, &window};
    widget->setObjectName(name);
    widget->setWidget(content);
    window.addDockWidget(area, widget);
    widget->hide();
    QAction* toggle = widget->toggleViewAction();
    toggle->setShortcut(key);
    toggle->setShortcutContext(Qt::WindowShortcut);
    window.addAction(toggle);
    return widget;
}
}  // namespace

AnalysisPanels::AnalysisPanels(QMainWindow& window, PlayerController& player)
    : QObject{&window},
      chart_{new SequenceChartPanel{player}},
      events_{new EventListPanel{player}},
      inspector_{new PacketInspector{player}},
      checklist_{new ChecklistPanel{player}},
      chartDock_{dock(window, tr("Sequence chart"), QStringLiteral("sequenceChartDock"), chart_, Qt::RightDockWidgetArea,
                      QKeySequence{Qt::CTRL | Qt::Key_1})},
      eventsDock_{dock(window, tr("Event list"), QStringLiteral("eventListDock"), events_, Qt::BottomDockWidgetArea,
                       QKeySequence{Qt::CTRL | Qt::Key_2})},
      inspectorDock_{dock(window, tr("Packet inspector"), QStringLiteral("packetInspectorDock"), inspector_,
                          Qt::RightDockWidgetArea, QKeySequence{Qt::CTRL | Qt::Key_3})},
      checklistDock_{dock(window, tr("Expectations"), QStringLiteral("expectationsDock"), checklist_,
                          Qt::LeftDockWidgetArea, QKeySequence{Qt::CTRL | Qt::Key_4})} {
    // A row clicked in the event list may be an event, not a packet: the
    // inspector shows the packet at or before it, which the cursor move did too.
    connect(events_, &EventListPanel::recordChosen, inspector_, &PacketInspector::showRecord);
    // Shown late, the chart scrolls to where the cursor already is.
    connect(chartDock_, &QDockWidget::visibilityChanged, chart_, [this](bool visible) {
        if (visible) chart_->revealCursor();
    });
}

bool AnalysisPanels::showPanel(const QString& name) {
    QDockWidget* dock = name == QLatin1String("chart")       ? chartDock_
                        : name == QLatin1String("events")    ? eventsDock_
                        : name == QLatin1String("inspector") ? inspectorDock_
                        : name == QLatin1String("expectations") ? checklistDock_
                                                             : nullptr;
    if (dock == nullptr) return false;
    dock->show();
    // A chart needs room for its lifelines; the other panels a fair share.
    auto* window = qobject_cast<QMainWindow*>(parent());
    if (dock == chartDock_) {
        // Up to 45 % of the window, but leaving the network, the transcript and
        // the transport bar the 1,000 pixels they need to be read from the back.
        constexpr int comfortableCentre = 1000;
        const int room =
            window->width() - std::max(comfortableCentre, window->centralWidget()->minimumSizeHint().width()) - 16;
        window->resizeDocks({dock}, {std::clamp(room, 360, std::max(360, window->width() * 45 / 100))}, Qt::Horizontal);
    }
    // The hex view needs about 80 columns of its monospace font.
    if (dock == inspectorDock_) window->resizeDocks({dock}, {window->width() * 38 / 100}, Qt::Horizontal);
    if (dock == eventsDock_) window->resizeDocks({dock}, {window->height() * 30 / 100}, Qt::Vertical);
    // An expectation's line and its note, without wrapping every other word.
    if (dock == checklistDock_) window->resizeDocks({dock}, {std::max(360, window->width() * 28 / 100)}, Qt::Horizontal);
    return true;
}

void AnalysisPanels::addToMenu(QMenu& menu) const {
    menu.addAction(chartDock_->toggleViewAction());
    menu.addAction(eventsDock_->toggleViewAction());
    menu.addAction(inspectorDock_->toggleViewAction());
    menu.addAction(checklistDock_->toggleViewAction());
}

}  // namespace netstage::gui
