#pragma once
// The player window: narration on top, the network in the middle with the
// transcript and the selected host beside it, the transport bar below.
// Everything shown is read from the PlayerController's Playback at its cursor.
// Presentation mode (F11, PresentationMode) clears the stage down to the
// network, the sequence chart and the narration; File > Open Recent is
// RecentFiles; the theme is ThemeController's.

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include "gui/model/document_source.hpp"
#include "gui/model/playback.hpp"
#include "gui/player/checklist_source.hpp"

class QAction;
class QActionGroup;
class QComboBox;
class QListView;
class QMenu;
class QSplitter;
class QTableView;

namespace netstage::gui {

class AnalysisPanels;
class QuizPanel;
class QuizPauser;
class ExportActions;
class HostPrograms;
class LiveActions;
class ErrorDialog;
class HostModel;
class NarrationBar;
class PlayerControls;
class PlayerController;
class PresentationMode;
class RecentFiles;
class TopologyScene;
class ThemeController;
class TopologyView;
enum class ThemeChoice;
class TranscriptModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        // Recent files and the chosen theme. Off in tests: no reads or writes of the user's settings.
        bool rememberRecentFiles = true;
        // The expectation checklist of an opened file; none without it.
        ChecklistSource checklist = {};
        // Pause before a scenario's quiz questions (docs/quizzes.md). netstage-gui turns it on, but not for a
        // --screenshot without --quiz; off in tests unless a test asks.
        bool askQuizzes = false;
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
    // The file the open document came from (live mode names its scenario).
    void setCurrentFile(const QString& path);
    QStringList recentFiles() const;
    ErrorDialog* errorBox() const;  // out of line: includers need not know ErrorDialog

    PlayerController& player() { return *player_; }
    TopologyScene& scene() { return *scene_; }
    TopologyView& topologyView() { return *view_; }
    TranscriptModel& transcriptModel() { return *transcriptModel_; }
    QListView& transcriptView() { return *transcriptView_; }
    QTableView& hostView() { return *hostView_; }
    HostModel& hostModel() { return *hostModel_; }
    NarrationBar& narration() { return *narration_; }
    // The quiz of the open scenario (docs/quizzes.md): null when the GUI is built without the scenario runner.
    QuizPanel* quizPanel() { return quizPanel_; }
    QuizPauser* quiz() { return quiz_; }
    PlayerControls& controls() { return *controls_; }
    QAction* showControlSegmentsAction() const { return showControl_; }
    // Sequence chart, event list, packet inspector and expectation checklist (docks, hidden at first).
    AnalysisPanels& panels() { return *panels_; }
    // File menu: export the sequence chart, save the trace, export a pcap.
    ExportActions& exports() { return *exports_; }
    // File menu: serve a scenario live, stop serving; the live marker.
    LiveActions& live() { return *live_; }
    // Host menu: a terminal, mail program or FTP client on a host, in docks.
    HostPrograms& programs() { return *programs_; }
    // The transcript and host panel beside the network.
    QWidget& sidePanel() { return *side_; }

    // Themes: View > Theme (follow the desktop, light, dark).
    ThemeController& themes() { return *themes_; }
    QAction* themeAction(ThemeChoice choice) const;

    // Presentation mode: full screen, the high-contrast theme, larger type, and
    // only the network, the sequence chart and the narration. Leaving puts back
    // the window state, panels, docks, splitter, menu bar and theme as they were.
    void setPresentationMode(bool on);
    bool isPresenting() const;
    QAction* presentationAction() const;

signals:
    void documentLoaded(const QString& path);
    void loadFailed(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildLayout();
    void onDocumentChanged();
    void onDocumentGrew(const Playback::Growth& growth);
    void updateTimeline();
    void updateTitle();
    void showCursor();
    void selectHost(const QString& host);
    void showLoadError(const LoadError& error);
    void openWithDialog();
    void buildThemeMenu(QMenu& view);
    void chooseTheme(ThemeChoice choice);
    // Draws everything again after the look changed.
    void restyle();
    // Protocol colours of the legend and of the timeline's ticks.
    void showColourKey();

    TraceSource source_;
    Options options_;
    ThemeController* themes_;
    QString currentFile_;

    PlayerController* player_;
    TopologyScene* scene_;
    TopologyView* view_ = nullptr;
    TranscriptModel* transcriptModel_;
    QListView* transcriptView_ = nullptr;
    HostModel* hostModel_;
    QTableView* hostView_ = nullptr;
    QComboBox* hostPicker_ = nullptr;
    NarrationBar* narration_ = nullptr;
    QuizPanel* quizPanel_ = nullptr;
    QuizPauser* quiz_ = nullptr;
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
    QActionGroup* themeGroup_ = nullptr;
    QSplitter* middle_ = nullptr;
    QWidget* side_ = nullptr;
    AnalysisPanels* panels_ = nullptr;
    PresentationMode* presentation_ = nullptr;
    ExportActions* exports_ = nullptr;
    LiveActions* live_ = nullptr;
    HostPrograms* programs_ = nullptr;
    RecentFiles* recentFiles_ = nullptr;
};

}  // namespace netstage::gui
