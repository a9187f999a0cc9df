#pragma once
// Live mode in the window: File > Serve Scenario Live... and Stop Serving,
// the "Serving" panel (what is reachable on which local port, as `netstage
// serve` prints it on start), and the live marker of the transport bar.
// The session itself is a LiveSession (the same LiveServer as the CLI's);
// this class only connects it to the window: Play/Pause pauses the world,
// the speed slider sets its speed, End returns the cursor to the present.

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "gui/player/live_session.hpp"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace netstage::gui {

class MainWindow;
class PlayerController;
class PlayerControls;

class LiveActions : public QObject {
    Q_OBJECT
public:
    using OpenDialog = std::function<QString()>;  // a scenario's path, or empty (cancelled)

    LiveActions(MainWindow& window, PlayerController& player, PlayerControls& controls);
    ~LiveActions() override;

    // Puts Serve Scenario Live... and Stop Serving into `menu` before `before` (at the end if null).
    void addToMenu(QMenu& menu, QAction* before) const;
    void setOpenDialog(OpenDialog dialog);

    // Starts serving `path` (stopping what was served before). A port in use,
    // a bad --port or a bad scenario is shown in the window's error dialog
    // and nothing starts; returns whether it did.
    bool serve(const QString& path, const LiveSessionOptions& options = {});
    // Stops serving; the recorded run stays open as an ordinary trace.
    void stop();
    bool isServing() const { return session_ != nullptr && session_->isRunning(); }
    LiveSession* session() const { return session_.get(); }
    // Play/Pause while serving: pauses or resumes the world.
    void togglePause();
    // The player's speed slider, while serving.
    void setSpeed(double speed);

    QAction* serveAction() const { return serve_; }
    QAction* stopAction() const { return stop_; }
    QDockWidget* servingPanel() const { return dock_; }
    QString servingText() const;

signals:
    void servingChanged(bool serving);

private:
    void serveWithDialog();
    void updateMarker();

    MainWindow& window_;
    PlayerController& player_;
    PlayerControls& controls_;
    std::unique_ptr<LiveSession> session_;
    OpenDialog openDialog_;
    QAction* serve_;
    QAction* stop_;
    QDockWidget* dock_;
    QLabel* table_;
};

}  // namespace netstage::gui
