#pragma once
// Live mode in the window: File > Serve Scenario Live... and Stop Serving,
// the "Serving" panel (what is reachable on which local port, as `netstage
// serve` prints it on start), and the live marker of the transport bar.
// The session itself is a LiveSession (the same LiveServer as the CLI's);
// this class only connects it to the window: Play/Pause pauses the world,
// the speed slider sets its speed, End returns the cursor to the present.
// File > Save Session As writes the scenario with the session's `bridge:`
// section (what a student hands in), while serving and after it stopped.

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
    using SaveDialog = std::function<QString(const QString& suggested)>;  // where to save, or empty

    LiveActions(MainWindow& window, PlayerController& player, PlayerControls& controls);
    ~LiveActions() override;

    // Puts Serve Scenario Live... and Stop Serving into `menu` before `before` (at the end if null).
    void addToMenu(QMenu& menu, QAction* before) const;
    void setOpenDialog(OpenDialog dialog);
    void setSaveDialog(SaveDialog dialog);

    // Writes the session as a scenario to `path` (errors in the window's
    // error dialog); false if there is no session or the file cannot be written.
    bool saveSession(const QString& path);
    // The scenario text Save Session As writes; empty without a session.
    QString sessionText() const;
    bool hasSession() const { return session_ != nullptr || !finishedSession_.isEmpty(); }
    // Forgets the stopped session's recording (another document was opened).
    void forgetSession();

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
    QAction* saveSessionAction() const { return saveSession_; }
    QDockWidget* servingPanel() const { return dock_; }
    QString servingText() const;

signals:
    void servingChanged(bool serving);
    // Emitted while the world still exists, just before a session stops:
    // whatever holds on to its hosts lets go now.
    void sessionEnding();

private:
    void serveWithDialog();
    void saveWithDialog();
    void updateMarker();

    MainWindow& window_;
    PlayerController& player_;
    PlayerControls& controls_;
    std::unique_ptr<LiveSession> session_;
    OpenDialog openDialog_;
    SaveDialog saveDialog_;
    QString finishedSession_;  // the last stopped session, as Save Session As writes it
    QString sessionName_;      // its scenario's file name, for the suggested name
    QAction* serve_;
    QAction* stop_;
    QAction* saveSession_;
    QDockWidget* dock_;
    QLabel* table_;
};

}  // namespace netstage::gui
