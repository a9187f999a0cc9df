#pragma once
// The player window: narration on top, the network in the middle with the
// transcript and the selected host beside it, the transport bar below.
// Everything shown is read from the PlayerController's Playback at its cursor.

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include "gui/model/document_source.hpp"

class QAction;
class QComboBox;
class QListView;
class QMenu;
class QTableView;

namespace netstage::gui {

class AnalysisPanels;
class ErrorDialog;
class HostModel;
class NarrationBar;
class PlayerControls;
class PlayerController;
class TopologyScene;
class TopologyView;
class TranscriptModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool rememberRecentFiles = true;  // off in tests: no writes to the user's settings
    };

    explicit MainWindow(TraceSource source, Options options, QWidget* parent = nullptr);
    explicit MainWindow(TraceSource source, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a trace or scenario. On failure the error is shown in a dialog
    // (file:line:column and the offending line) and the open document stays.
    bool openFile(const QString& path);
    bool reload();
    // Shows an error; `quote` is the offending part of a file, if any.
    void showError(const QString& title, const QString& text, const QString& quote = {});

    QString currentFile() const { return currentFile_; }
    QStringList recentFiles() const { return recentFiles_; }
    ErrorDialog* errorBox() const { return errorBox_; }

    PlayerController& player() { return *player_; }
    TopologyScene& scene() { return *scene_; }
    TopologyView& topologyView() { return *view_; }
    TranscriptModel& transcriptModel() { return *transcriptModel_; }
    QListView& transcriptView() { return *transcriptView_; }
    HostModel& hostModel() { return *hostModel_; }
    NarrationBar& narration() { return *narration_; }
    PlayerControls& controls() { return *controls_; }
    QAction* showControlSegmentsAction() const { return showControl_; }
    // Sequence chart, event list and packet inspector (docks, hidden at first).
    AnalysisPanels& panels() { return *panels_; }

signals:
    void documentLoaded(const QString& path);
    void loadFailed(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildLayout();
    void onDocumentChanged();
    void showCursor();
    void selectHost(const QString& host);
    void showLoadError(const LoadError& error);
    void addRecentFile(const QString& path);
    void rebuildRecentMenu();
    void openWithDialog();

    TraceSource source_;
    Options options_;
    QString currentFile_;
    QStringList recentFiles_;

    PlayerController* player_;
    TopologyScene* scene_;
    TopologyView* view_ = nullptr;
    TranscriptModel* transcriptModel_;
    QListView* transcriptView_ = nullptr;
    HostModel* hostModel_;
    QTableView* hostView_ = nullptr;
    QComboBox* hostPicker_ = nullptr;
    NarrationBar* narration_ = nullptr;
    PlayerControls* controls_ = nullptr;
    QPointer<ErrorDialog> errorBox_;

    QAction* open_ = nullptr;
    QAction* reload_ = nullptr;
    QAction* quit_ = nullptr;
    QAction* playPause_ = nullptr;
    QAction* nextMessage_ = nullptr;
    QAction* previousMessage_ = nullptr;
    QAction* nextPacket_ = nullptr;
    QAction* previousPacket_ = nullptr;
    QAction* home_ = nullptr;
    QAction* end_ = nullptr;
    QAction* showControl_ = nullptr;
    QAction* skipIdle_ = nullptr;
    QAction* fit_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    AnalysisPanels* panels_ = nullptr;
};

}  // namespace netstage::gui
