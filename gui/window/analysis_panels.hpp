#pragma once
// The analysis panels of the player window: sequence chart, event list,
// packet inspector and expectation checklist, each in a dock widget (hidden until asked for) with an
// entry in the View menu that shows or hides it.

#include <QObject>
#include <QString>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace netstage::gui {

class ChecklistPanel;
class EventListPanel;
class PacketInspector;
class PlayerController;
class SequenceChartPanel;

class AnalysisPanels : public QObject {
    Q_OBJECT
public:
    AnalysisPanels(QMainWindow& window, PlayerController& player);

    // Adds the show/hide entries to `menu`.
    void addToMenu(QMenu& menu) const;
    // Shows the panel called "chart", "events", "inspector" or "expectations"; false for any other name.
    bool showPanel(const QString& name);

    SequenceChartPanel& chart() { return *chart_; }
    EventListPanel& events() { return *events_; }
    PacketInspector& inspector() { return *inspector_; }
    ChecklistPanel& checklist() { return *checklist_; }
    QDockWidget& chartDock() { return *chartDock_; }
    QDockWidget& eventsDock() { return *eventsDock_; }
    QDockWidget& inspectorDock() { return *inspectorDock_; }
    QDockWidget& checklistDock() { return *checklistDock_; }

private:
    SequenceChartPanel* chart_;
    EventListPanel* events_;
    PacketInspector* inspector_;
    ChecklistPanel* checklist_;
    QDockWidget* chartDock_;
    QDockWidget* eventsDock_;
    QDockWidget* inspectorDock_;
    QDockWidget* checklistDock_;
};

}  // namespace netstage::gui
