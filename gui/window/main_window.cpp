#include "gui/window/main_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <algorithm>
#include <QApplication>
#include <QComboBox>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QResizeEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/checklist/checklist_panel.hpp"
#include "gui/model/format.hpp"
#include "gui/player/live_session.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/scene/topology_scene.hpp"
#include "gui/scene/topology_view.hpp"
#include "gui/widgets/error_dialog.hpp"
#include "gui/widgets/host_model.hpp"
#include "gui/widgets/look.hpp"
#include "gui/widgets/narration_bar.hpp"
#include "gui/widgets/player_controls.hpp"
#include "gui/widgets/theme_controller.hpp"
#include "gui/widgets/timeline_scrubber.hpp"
#include "gui/widgets/transcript_model.hpp"
#include "gui/widgets/wrapping_delegate.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/export_actions.hpp"
#include "gui/window/host_programs.hpp"
#include "gui/window/live_actions.hpp"
#include "gui/window/presentation_mode.hpp"
#include "gui/window/recent_files.hpp"
#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
#include "gui/quiz/quiz_loading.hpp"
#include "gui/quiz/quiz_panel.hpp"
#include "gui/quiz/quiz_pauser.hpp"
#endif

namespace netstage::gui {

namespace {
const char* const themeKey = "theme";

QLabel* panelTitle(const QString& text, QWidget* parent) {
    auto* label = new QLabel{text, parent};
    label->setFont(look::labelBoldFont());
    label->setContentsMargins(6, 6, 6, 2);
    return label;
}

// FTP's two kinds of connection are named as the lecture names them.
QString legendName(ProtocolKind kind) {
    if (kind == ProtocolKind::FtpControl) return QStringLiteral("FTP control :21");
    if (kind == ProtocolKind::Data) return QStringLiteral("data");
    return QString::fromUtf8(toString(kind).data(), static_cast<int>(toString(kind).size()));
}

// A caret under the column the error points at, for the quoted line.
QString caretLine(int column) {
    return column > 0 ? QString(column - 1, QLatin1Char(' ')) + QLatin1Char('^') : QString{};
}
}  // namespace

MainWindow::MainWindow(TraceSource source, QWidget* parent) : MainWindow{std::move(source), Options{}, parent} {}

MainWindow::MainWindow(TraceSource source, Options options, QWidget* parent)
    : QMainWindow{parent},
      source_{std::move(source)},
      options_{options},
      themes_{new ThemeController{this}},
      player_{new PlayerController{this}},
      scene_{new TopologyScene{this}},
      transcriptModel_{new TranscriptModel{this}},
      hostModel_{new HostModel{this}} {
    if (options_.rememberRecentFiles) {
        const auto theme = ThemeController::parseChoice(QSettings{}.value(QLatin1String(themeKey)).toString());
        if (theme) themes_->setChoice(*theme);
    }
    buildActions();
    buildLayout();
    panels_ = new AnalysisPanels{*this, *player_};
    presentation_ = new PresentationMode{*this, {*controls_, *side_, *middle_, *view_, *panels_, *themes_}};
    exports_ = new ExportActions{*this, *player_, panels_->chart()};
    // After the views' own cursor handlers: the live marker has the last word on the bar.
    live_ = new LiveActions{*this, *player_, *controls_};
    programs_ = new HostPrograms{*this, *live_};
    buildMenus();
    connect(scene_, &TopologyScene::hostMenuRequested, programs_, &HostPrograms::showHostMenu);
    connect(&look::notifier(), &look::Notifier::changed, this, &MainWindow::restyle);
    connect(player_, &PlayerController::documentChanged, this, &MainWindow::onDocumentChanged);
    connect(player_, &PlayerController::cursorChanged, this, &MainWindow::showCursor);
    connect(player_, &PlayerController::playingChanged, this,
            [this](bool playing) { playPause_->setText(playing ? tr("Pause") : tr("Play")); });
    connect(player_, &PlayerController::speedChanged, controls_, &PlayerControls::setSpeed);
    connect(controls_, &PlayerControls::speedRequested, player_, &PlayerController::setSpeed);
    connect(controls_->timeline(), &TimelineScrubber::seekRequested, player_, &PlayerController::seekTime);
    connect(scene_, &TopologyScene::hostSelected, this, &MainWindow::selectHost);
    connect(player_, &PlayerController::documentGrew, this, &MainWindow::onDocumentGrew);
    connect(controls_, &PlayerControls::speedRequested, live_, &LiveActions::setSpeed);
    connect(live_, &LiveActions::servingChanged, this, [this](bool serving) {
        playPause_->setText(serving ? tr("Pause") : tr("Play"));
        if (serving) connect(live_->session(), &LiveSession::pausedChanged, this, [this](bool paused) {
            playPause_->setText(paused ? tr("Resume") : tr("Pause"));
        });
    });
    controls_->setSpeed(player_->speed());
    setWindowTitle(QStringLiteral("NetStage"));
    setAcceptDrops(true);
    resize(1600, 1000);
    onDocumentChanged();
}

MainWindow::~MainWindow() {
    // Serving stops while the views that hear of its last records are all here
    // (the host programs let go of the world first: LiveActions::sessionEnding).
    live_->stop();
    // The theme controller resets the look as it goes; this window must not
    // hear it half destroyed.
    disconnect(&look::notifier(), nullptr, this, nullptr);
    // Views first: the models point into the controller's Playback.
    transcriptModel_->setTranscript(nullptr);
    scene_->setPlayback(nullptr);
}

void MainWindow::buildActions() {
    const auto make = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* action = new QAction{text, this};
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    open_ = make(tr("&Open..."), QKeySequence::Open, [this] { openWithDialog(); });
    reload_ = make(tr("&Reload"), QKeySequence{Qt::Key_F5}, [this] { reload(); });
    quit_ = make(tr("&Quit"), QKeySequence::Quit, [this] { close(); });
    playPause_ = make(tr("Play"), QKeySequence{Qt::Key_Space}, [this] {
        // Serving, the world itself pauses: what clients send waits for it.
        if (live_->isServing()) live_->togglePause();
        else player_->togglePlay();
    });
    nextMessage_ = make(tr("Message \u25b6"), QKeySequence{Qt::Key_Right}, [this] { player_->nextMessage(); });
    previousMessage_ = make(tr("\u25c0 Message"), QKeySequence{Qt::Key_Left}, [this] { player_->previousMessage(); });
    nextPacket_ = make(tr("Packet \u25b6"), QKeySequence{Qt::SHIFT | Qt::Key_Right}, [this] { player_->nextPacket(); });
    previousPacket_ =
        make(tr("\u25c0 Packet"), QKeySequence{Qt::SHIFT | Qt::Key_Left}, [this] { player_->previousPacket(); });
    home_ = make(tr("|\u25c0 Start"), QKeySequence{Qt::Key_Home}, [this] { player_->home(); });
    end_ = make(tr("End \u25b6|"), QKeySequence{Qt::Key_End}, [this] { player_->end(); });
    nextMessage_->setToolTip(tr("Next application message (Right)"));
    previousMessage_->setToolTip(tr("Previous application message (Left)"));
    nextPacket_->setToolTip(tr("Next packet (Shift+Right)"));
    previousPacket_->setToolTip(tr("Previous packet (Shift+Left)"));
    playPause_->setToolTip(tr("Play or pause (Space)"));

    showControl_ = make(tr("Show TCP &control segments"), QKeySequence{Qt::Key_C},
                        [this](bool on) { scene_->setShowControlSegments(on); });
    showControl_->setCheckable(true);
    showControl_->setChecked(true);
    skipIdle_ = make(tr("&Skip idle time while playing"), QKeySequence{Qt::Key_I},
                     [this](bool on) { player_->setSkipIdleTime(on); });
    skipIdle_->setCheckable(true);
    skipIdle_->setChecked(player_->skipsIdleTime());
    fit_ = make(tr("&Fit network to window"), QKeySequence{Qt::Key_F}, [this] { view_->fitScene(); });
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(open_);
    recentFiles_ = new RecentFiles{*file, options_.rememberRecentFiles, this};
    connect(recentFiles_, &RecentFiles::chosen, this, [this](const QString& path) { openFile(path); });
    file->addAction(reload_);
    file->addSeparator();
    live_->addToMenu(*file, nullptr);
    file->addSeparator();
    file->addAction(quit_);
    exports_->addToMenu(*file, quit_);

    QMenu* play = menuBar()->addMenu(tr("&Play"));
    for (QAction* action : {playPause_, previousMessage_, nextMessage_, previousPacket_, nextPacket_, home_, end_}) {
        play->addAction(action);
    }
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(showControl_);
    view->addAction(skipIdle_);
    view->addAction(fit_);
    view->addSeparator();
    presentation_->addToMenu(*view);
    buildThemeMenu(*view);
    view->addSeparator();
    panels_->addToMenu(*view);
    programs_->addMenu(*menuBar());
}

void MainWindow::buildThemeMenu(QMenu& view) {
    QMenu* menu = view.addMenu(tr("&Theme"));
    themeGroup_ = new QActionGroup{this};
    themeGroup_->setExclusive(true);
    const std::pair<ThemeChoice, QString> entries[] = {{ThemeChoice::FollowDesktop, tr("Follow &Desktop")},
                                                       {ThemeChoice::Light, tr("&Light")},
                                                       {ThemeChoice::Dark, tr("&Dark")}};
    for (const auto& [choice, text] : entries) {
        QAction* action = menu->addAction(text);
        action->setCheckable(true);
        action->setData(static_cast<int>(choice));
        action->setChecked(themes_->choice() == choice);
        themeGroup_->addAction(action);
        connect(action, &QAction::triggered, this, [this, choice = choice] { chooseTheme(choice); });
    }
    connect(themes_, &ThemeController::choiceChanged, this, [this](ThemeChoice choice) {
        if (QAction* action = themeAction(choice)) action->setChecked(true);
    });
}

QAction* MainWindow::themeAction(ThemeChoice choice) const {
    for (QAction* action : themeGroup_->actions()) {
        if (action->data().toInt() == static_cast<int>(choice)) return action;
    }
    return nullptr;
}

void MainWindow::chooseTheme(ThemeChoice choice) {
    themes_->setChoice(choice);
    if (options_.rememberRecentFiles) QSettings{}.setValue(QLatin1String(themeKey), ThemeController::nameOf(choice));
}

void MainWindow::restyle() {
    scene_->restyle();
    view_->fitScene();
    showColourKey();
    // Item views ask their model for colours and fonts at paint time; a new
    // font size also needs their rows measured again.
    transcriptView_->doItemsLayout();
    transcriptView_->viewport()->update();
    hostView_->resizeRowsToContents();
    hostView_->viewport()->update();
    panels_->chart().rebuild();
}

void MainWindow::setPresentationMode(bool on) { presentation_->setOn(on); }

bool MainWindow::isPresenting() const { return presentation_->isOn(); }

QAction* MainWindow::presentationAction() const { return presentation_->toggleAction(); }

void MainWindow::closeEvent(QCloseEvent* event) {
    // The sockets close and the recorded run is complete before the window goes.
    live_->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    presentation_->windowResized();
}

void MainWindow::buildLayout() {
    narration_ = new NarrationBar{this};

    view_ = new TopologyView{scene_, this};

    transcriptView_ = new QListView{this};
    transcriptView_->setModel(transcriptModel_);
    transcriptView_->setFocusPolicy(Qt::NoFocus);
    transcriptView_->setSelectionMode(QAbstractItemView::NoSelection);
    transcriptView_->setSpacing(1);
    // A narrow panel wraps a long line rather than hiding its end.
    transcriptView_->setWordWrap(true);
    transcriptView_->setResizeMode(QListView::Adjust);
    transcriptView_->setItemDelegate(new WrappingDelegate{*transcriptView_});
    transcriptView_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    hostPicker_ = new QComboBox{this};
    hostPicker_->setFont(look::panelFont());
    hostPicker_->setFocusPolicy(Qt::NoFocus);
    // Sized for a usual host name, not for the longest one a file may hold.
    hostPicker_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    hostPicker_->setMinimumContentsLength(12);
    connect(hostPicker_, &QComboBox::currentTextChanged, this, &MainWindow::selectHost);
    hostView_ = new QTableView{this};
    hostView_->setModel(hostModel_);
    hostView_->setFocusPolicy(Qt::NoFocus);
    hostView_->setSelectionMode(QAbstractItemView::NoSelection);
    hostView_->setShowGrid(false);
    hostView_->horizontalHeader()->hide();
    hostView_->verticalHeader()->hide();
    hostView_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    hostView_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    hostView_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Addresses, mail addresses and host names are what the panel is for:
    // wrapped when the panel is narrow, never elided.
    hostView_->setWordWrap(true);
    hostView_->setTextElideMode(Qt::ElideNone);
    hostView_->setItemDelegate(new WrappingDelegate{*hostView_, 0});
    hostView_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(hostView_->horizontalHeader(), &QHeaderView::sectionResized, hostView_,
            [this] { hostView_->resizeRowsToContents(); });

    auto* transcriptPanel = new QWidget{this};
    auto* transcriptLayout = new QVBoxLayout{transcriptPanel};
    transcriptLayout->setContentsMargins(0, 0, 0, 0);
    transcriptLayout->addWidget(panelTitle(tr("Transcript"), transcriptPanel));
    transcriptLayout->addWidget(transcriptView_);

    auto* hostPanel = new QWidget{this};
    auto* hostLayout = new QVBoxLayout{hostPanel};
    hostLayout->setContentsMargins(0, 0, 0, 0);
    auto* hostHeader = new QHBoxLayout;
    hostHeader->addWidget(panelTitle(tr("Host"), hostPanel));
    hostHeader->addWidget(hostPicker_, 1);
    hostLayout->addLayout(hostHeader);
    hostLayout->addWidget(hostView_);

    auto* side = new QSplitter{Qt::Vertical, this};
    // The host panel's names and states are unreadable narrower than this;
    // the network view gives way instead.
    side->setMinimumWidth(300);
    side_ = side;
    side->addWidget(transcriptPanel);
    side->addWidget(hostPanel);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);

    auto* middle = new QSplitter{Qt::Horizontal, this};
    middle_ = middle;
    middle->addWidget(view_);
    middle->addWidget(side);
    middle->setStretchFactor(0, 2);
    middle->setStretchFactor(1, 1);
    // The network gets most of the width: at 1600 px it is drawn at full size.
    middle->setSizes({1220, 380});

    controls_ = new PlayerControls{PlayerActions{playPause_, previousMessage_, nextMessage_, previousPacket_,
                                                 nextPacket_, home_, end_},
                                   this};

    auto* central = new QWidget{this};
    auto* layout = new QVBoxLayout{central};
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(narration_);
#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
    quizPanel_ = new QuizPanel{central};
    layout->addWidget(quizPanel_);
    quiz_ = new QuizPauser{*player_, *quizPanel_, [this] { return presentation_ != nullptr && presentation_->isOn(); },
                           [this](bool hidden) { transcriptModel_->setFutureHidden(hidden); }, this};
#endif
    layout->addWidget(middle, 1);
    layout->addWidget(controls_);
    setCentralWidget(central);
}

bool MainWindow::openFile(const QString& path) {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    LoadResult result = source_ ? source_(path.toStdString())
                                : LoadResult{LoadError{path.toStdString(), 0, 0, "no way to open files", {}}};
    QApplication::restoreOverrideCursor();
    if (auto* error = std::get_if<LoadError>(&result)) {
        showLoadError(*error);
        return false;
    }
    live_->stop();  // what was served stays recorded only until another file is opened
    // Views let go of the old document before the controller replaces it.
    transcriptModel_->setTranscript(nullptr);
    scene_->setPlayback(nullptr);
    currentFile_ = path;
    player_->setDocument(std::make_unique<Playback>(std::move(std::get<trace::TraceLog>(result))));
    live_->forgetSession();  // Save Session As belongs to the session, not to the file opened after it
    if (options_.checklist) panels_->checklist().setChecklist(options_.checklist(path.toStdString()));
#ifdef NETSTAGE_GUI_HAS_SCENARIO_RUNNER
    if (options_.askQuizzes) {
        if (const auto quizError = loadQuiz(*quiz_, path.toStdString(), player_->playback()->log())) showLoadError(*quizError);
    }
#endif
    recentFiles_->add(path);
    emit documentLoaded(path);
    return true;
}

bool MainWindow::reload() {
    if (currentFile_.isEmpty()) return false;
    // After editing a scenario the teacher wants the same moment again.
    const qint64 at = player_->playback() ? player_->playback()->time().nanoseconds() : 0;
    if (!openFile(currentFile_)) return false;
    player_->seekTime(at);
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().value(0).isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QUrl url = event->mimeData()->urls().value(0);
    if (!url.isLocalFile()) return;
    event->acceptProposedAction();
    openFile(url.toLocalFile());
}

void MainWindow::openWithDialog() {
    const QString start = currentFile_.isEmpty() ? QString{} : QFileInfo{currentFile_}.absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a trace or scenario"), start,
        tr("NetStage files (*.jsonl *.yaml *.yml);;Traces (*.jsonl);;Scenarios (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

ErrorDialog* MainWindow::errorBox() const { return errorBox_; }

QStringList MainWindow::recentFiles() const { return recentFiles_->files(); }

void MainWindow::showError(const QString& title, const QString& text, const QString& quote) {
    if (errorBox_) errorBox_->deleteLater();
    errorBox_ = new ErrorDialog{title, text, quote, this};
    errorBox_->setAttribute(Qt::WA_DeleteOnClose);
    errorBox_->setWindowModality(Qt::WindowModal);
    errorBox_->open();  // not exec(): the window keeps running behind it
    emit loadFailed(errorBox_->text());
}

void MainWindow::showLoadError(const LoadError& error) {
    QString text = QString::fromStdString(error.toString());
    QString quote;
    if (!error.quote.empty()) {
        const QString number = QString::number(error.line);
        quote = QStringLiteral("%1 | %2").arg(number, QString::fromStdString(error.quote));
        if (error.column > 0) {
            quote += QStringLiteral("\n%1   %2").arg(QString(number.size(), QLatin1Char(' ')), caretLine(error.column));
        }
    }
    if (!currentFile_.isEmpty()) text += tr("\n\nStill showing %1.").arg(currentFile_);
    showError(tr("Cannot open %1").arg(QFileInfo{QString::fromStdString(error.file)}.fileName()), text, quote);
}

void MainWindow::onDocumentChanged() {
    const Playback* playback = player_->playback();
    scene_->setPlayback(playback);
    view_->fitScene();
    transcriptModel_->setTranscript(playback ? &playback->transcript() : nullptr);
    // Wrapped rows must each be measured; for a long transcript (a trace of a
    // million records has a hundred thousand lines) every row is one line high.
    const bool longTranscript = transcriptModel_->rowCount() > 2000;
    transcriptView_->setUniformItemSizes(longTranscript);
    transcriptView_->setWordWrap(!longTranscript);

    QString preferredHost;
    {
        const QSignalBlocker blocker{hostPicker_};
        hostPicker_->clear();
    }
    if (playback != nullptr) {
        QStringList hosts;
        for (const auto& node : playback->topology().nodes) {
            hosts << QString::fromStdString(node.name);
            if (preferredHost.isEmpty() && node.role == NodeRole::MailServer) preferredHost = hosts.back();
        }
        const QSignalBlocker blocker{hostPicker_};
        hostPicker_->addItems(hosts);
        if (preferredHost.isEmpty() && !hosts.isEmpty()) preferredHost = hosts.front();
    }
    updateTitle();
    showColourKey();
    updateTimeline();
    const QString keep = hostModel_->host();
    selectHost(!keep.isEmpty() && hostPicker_->findText(keep) >= 0 ? keep : preferredHost);
    reload_->setEnabled(!currentFile_.isEmpty());
}

void MainWindow::onDocumentGrew(const Playback::Growth& growth) {
    const Playback* playback = player_->playback();
    if (playback == nullptr) return;
    if (growth.topologyChanged) {
        // A node or link announced late (rare): the network is drawn again.
        onDocumentChanged();
        return;
    }
    if (growth.transcriptChanged) transcriptModel_->transcriptGrew();
    if (playback->log().records.size() > growth.firstRecord) {
        showColourKey();
        updateTimeline();
    }
}

void MainWindow::updateTimeline() {
    const Playback* playback = player_->playback();
    TimelineScale scale;
    if (playback != nullptr) {
        // The timeline spans what happens, not the idle tail up to the stop
        // time, and squeezes quiet gaps to a few packet crossings.
        std::vector<Time> times;
        times.reserve(playback->log().records.size());
        for (const auto& record : playback->log().records) times.push_back(trace::timeOf(record));
        scale = TimelineScale{times, std::max(playback->longestHop() * 4, Time::fromMilliseconds(1))};
    }
    controls_->timeline()->setScale(std::move(scale));
}

void MainWindow::setCurrentFile(const QString& path) {
    currentFile_ = path;
    updateTitle();
    reload_->setEnabled(!currentFile_.isEmpty());
}

void MainWindow::updateTitle() {
    const Playback* playback = player_->playback();
    if (playback == nullptr) {
        setWindowTitle(QStringLiteral("NetStage"));
        return;
    }
    const QString title = QString::fromStdString(playback->topology().title.empty() ? playback->log().header.scenario
                                                                                     : playback->topology().title);
    // A title bar shows a line: a long title is cut, not given to the window manager whole.
    constexpr qsizetype longestTitle = 120;
    const QString shortTitle = title.size() > longestTitle ? title.left(longestTitle) + QChar{0x2026} : title;
    setWindowTitle(QStringLiteral("NetStage \u2014 %1 \u2014 %2").arg(shortTitle, QFileInfo{currentFile_}.fileName()));
}

void MainWindow::showColourKey() {
    const Playback* playback = player_->playback();
    std::vector<TimelineScrubber::Tick> ticks;
    QList<QPair<QString, QColor>> legend;
    if (playback != nullptr) {
        for (const auto& message : playback->messages()) {
            ProtocolKind kind = ProtocolKind::Data;
            if (message.protocol == "SMTP") kind = ProtocolKind::Smtp;
            else if (message.protocol == "POP3") kind = ProtocolKind::Pop3;
            else if (message.protocol == "IMAP") kind = ProtocolKind::Imap;
            else if (message.protocol == "FTP") kind = ProtocolKind::FtpControl;
            else if (message.protocol == "HTTP") kind = ProtocolKind::Http;
            ticks.push_back({message.time.nanoseconds(), look::protocolColor(kind)});
        }
        for (ProtocolKind kind : {ProtocolKind::Smtp, ProtocolKind::Pop3, ProtocolKind::Imap, ProtocolKind::Http,
                                  ProtocolKind::FtpControl, ProtocolKind::Data, ProtocolKind::Dns}) {
            const auto& hops = playback->hops();
            if (std::any_of(hops.begin(), hops.end(), [kind](const PacketHop& h) { return !h.control && h.protocol == kind; })) {
                legend.append({legendName(kind), look::protocolColor(kind)});
            }
        }
        if (std::any_of(playback->hops().begin(), playback->hops().end(), [](const PacketHop& h) { return h.control; })) {
            legend.append({tr("TCP control"), look::linkColor()});
        }
        if (!playback->drops().empty()) legend.append({tr("dropped"), look::dropColor()});
    }
    view_->setLegend(legend);
    controls_->timeline()->setTicks(std::move(ticks));
}

void MainWindow::selectHost(const QString& host) {
    if (host.isEmpty()) return;
    hostModel_->setHost(host);
    if (hostPicker_->currentText() != host) {
        const QSignalBlocker blocker{hostPicker_};
        hostPicker_->setCurrentText(host);
    }
    scene_->selectHost(host);
    hostModel_->refresh(player_->playback());
}

void MainWindow::showCursor() {
    const Playback* playback = player_->playback();
    scene_->showCursor();
    hostModel_->refresh(playback);
    if (playback == nullptr) {
        narration_->setCaption(tr("Open a scenario or a trace (File \u25b8 Open, Ctrl+O)."));
        controls_->setClock(QString::fromStdString(formatClock(Time::zero())));
        controls_->setProgress({});
        return;
    }
    const auto current = playback->currentMessage();
    transcriptModel_->setCurrentMessage(current);
    if (const QModelIndex index = transcriptModel_->currentIndex(); index.isValid()) {
        transcriptView_->scrollTo(index, QAbstractItemView::EnsureVisible);
    }
    // Before the first caption, the scenario's title says what is coming.
    const std::string& caption = playback->caption().empty() ? playback->topology().title : playback->caption();
    narration_->setCaption(QString::fromStdString(caption));
    controls_->setClock(QString::fromStdString(formatClock(playback->time())));
    controls_->timeline()->setPosition(playback->time().nanoseconds());
    const std::size_t total = playback->messages().size();
    controls_->setProgress(total == 0 ? tr("no application messages")
                                      : tr("message %1 of %2").arg(current ? *current + 1 : 0).arg(total));
}

}  // namespace netstage::gui
