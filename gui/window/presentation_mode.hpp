#pragma once
// Presentation mode (F11): the stage cleared down to the network, the
// sequence chart and the narration, full screen, in the high-contrast theme
// and larger type. Leaving (F11 again, or Esc) puts back the window state,
// panels, docks, splitter, menu bar and theme as they were.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QRect>
#include <optional>

class QAction;
class QMainWindow;
class QMenu;
class QSplitter;
class QWidget;

namespace netstage::gui {

class AnalysisPanels;
class ThemeController;
class TopologyView;

class PresentationMode : public QObject {
    Q_OBJECT
public:
    // The parts of the window it hides, rearranges and gives back.
    struct Parts {
        QWidget& controls;  // the transport bar
        QWidget& side;      // transcript and host panel
        QSplitter& middle;  // network | side
        TopologyView& network;
        AnalysisPanels& panels;
        ThemeController& themes;
    };

    PresentationMode(QMainWindow& window, Parts parts);

    void setOn(bool on);
    bool isOn() const { return saved_.has_value(); }

    // F11, checkable. The actions belong to the window, not the menu bar: with
    // the menu bar hidden while presenting, every key still works.
    QAction* toggleAction() const { return toggle_; }
    // Esc, enabled only while presenting: otherwise Esc belongs to whatever has focus.
    QAction* leaveAction() const { return leave_; }
    void addToMenu(QMenu& menu) const;

    // The window calls this after each resize: the stage is laid out for the new size.
    void windowResized();

private:
    // What entering hid or changed, to put back on leaving.
    struct Saved {
        Qt::WindowStates windowState;
        QRect geometry;    // of a window neither maximised nor full screen
        QByteArray docks;  // QMainWindow::saveState()
        QList<bool> docksHidden;
        QList<int> middleSizes;
        bool menuBarHidden = false;
        bool controlsHidden = false;
        bool sideHidden = false;
        bool chartFloating = false;
        double chartZoom = 1.0;
    };

    void enter();
    void leave();
    void arrange();

    QMainWindow& window_;
    Parts parts_;
    std::optional<Saved> saved_;
    QAction* toggle_;
    QAction* leave_;
};

}  // namespace netstage::gui
