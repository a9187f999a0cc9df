#include "gui/window/live_actions.hpp"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <algorithm>
#include <cmath>

#include "gui/model/format.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/widgets/look.hpp"
#include "gui/widgets/player_controls.hpp"
#include "gui/window/main_window.hpp"

namespace netstage::gui {

LiveActions::LiveActions(MainWindow& window, PlayerController& player, PlayerControls& controls)
    : QObject{&window},
      window_{window},
      player_{player},
      controls_{controls},
      serve_{new QAction{tr("Serve Scenario &Live..."), &window}},
      stop_{new QAction{tr("S&top Serving"), &window}},
      saveSession_{new QAction{tr("Save &Session As..."), &window}},
      dock_{new QDockWidget{tr("Serving"), &window}},
      table_{new QLabel{dock_}} {
    serve_->setShortcut(QKeySequence{Qt::CTRL | Qt::Key_L});
    serve_->setShortcutContext(Qt::WindowShortcut);
    serve_->setToolTip(tr("Run a scenario live: its servers answer real clients (telnet, a mail client) on local ports"));
    window.addAction(serve_);
    stop_->setEnabled(false);
    connect(serve_, &QAction::triggered, this, &LiveActions::serveWithDialog);
    connect(stop_, &QAction::triggered, this, &LiveActions::stop);
    saveSession_->setEnabled(false);
    saveSession_->setToolTip(tr("Save the scenario with everything typed and sent in the live world, as a scenario "
                                "that replays it"));
    connect(saveSession_, &QAction::triggered, this, &LiveActions::saveWithDialog);

    table_->setFont(look::monoFont());
    table_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    table_->setContentsMargins(8, 6, 8, 6);
    table_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    dock_->setObjectName(QStringLiteral("servingDock"));
    dock_->setWidget(table_);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock_);
    dock_->hide();

    openDialog_ = [this] {
        return QFileDialog::getOpenFileName(&window_, tr("Serve a scenario live"), {},
                                            tr("Scenarios (*.yaml *.yml);;All files (*)"));
    };
    saveDialog_ = [this](const QString& suggested) {
        return QFileDialog::getSaveFileName(&window_, tr("Save the session as a scenario"), suggested,
                                            tr("Scenarios (*.yaml *.yml);;All files (*)"));
    };
    connect(&player_, &PlayerController::cursorChanged, this, &LiveActions::updateMarker);
    connect(&player_, &PlayerController::followingChanged, this, &LiveActions::updateMarker);
    connect(&player_, &PlayerController::liveChanged, this, &LiveActions::updateMarker);
    connect(&player_, &PlayerController::documentGrew, this, &LiveActions::updateMarker);
    connect(&controls_, &PlayerControls::goLiveRequested, &player_, &PlayerController::end);
}

LiveActions::~LiveActions() = default;

void LiveActions::addToMenu(QMenu& menu, QAction* before) const {
    menu.insertAction(before, serve_);
    menu.insertAction(before, stop_);
    menu.insertAction(before, saveSession_);
}

void LiveActions::setOpenDialog(OpenDialog dialog) { openDialog_ = std::move(dialog); }

void LiveActions::setSaveDialog(SaveDialog dialog) { saveDialog_ = std::move(dialog); }

QString LiveActions::sessionText() const {
    if (!session_) return finishedSession_;
    try {
        return QString::fromStdString(session_->recordedScenario());
    } catch (const std::exception&) {
        return {};  // a scenario that itself replays a session cannot be served
    }
}

void LiveActions::forgetSession() {
    if (session_) return;
    finishedSession_.clear();
    saveSession_->setEnabled(false);
}

void LiveActions::saveWithDialog() {
    if (!hasSession() || !saveDialog_) return;
    QString suggested = sessionName_;
    if (suggested.endsWith(QLatin1String(".yaml"))) suggested.chop(5);
    const QString path = saveDialog_(suggested + QStringLiteral("-session.yaml"));
    if (!path.isEmpty()) saveSession(path);
}

bool LiveActions::saveSession(const QString& path) {
    const QString text = sessionText();
    if (text.isEmpty()) {
        window_.showError(tr("Nothing to save"), tr("Save Session As saves a live session: serve a scenario "
                                                    "(File > Serve Scenario Live) or open a program on a host first."));
        return false;
    }
    QSaveFile file{path};
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        window_.showError(tr("Cannot save the session"), tr("%1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

void LiveActions::serveWithDialog() {
    const QString path = openDialog_ ? openDialog_() : QString{};
    if (!path.isEmpty()) serve(path);
}

bool LiveActions::serve(const QString& path, const LiveSessionOptions& options) {
    stop();
    const QString name = QFileInfo{path}.fileName();
    try {
        session_ = std::make_unique<LiveSession>(path.toStdString(), options, player_);
    } catch (const std::exception& e) {
        // live::ServeError says it in the user's words (which port is in use,
        // what to pass to --port); scenario::ScenarioError gives file:line:column.
        window_.showError(tr("Cannot serve %1").arg(name), QString::fromStdString(e.what()));
        return false;
    }
    window_.setCurrentFile(path);
    finishedSession_.clear();
    sessionName_ = name;
    saveSession_->setEnabled(true);
    connect(session_.get(), &LiveSession::pausedChanged, this, &LiveActions::updateMarker);
    // The world runs at the speed asked for; the slider shows it (max: its top).
    const double speed = options.speed.isUnlimited() ? 1000.0 : static_cast<double>(options.speed.thousandths()) / 1000.0;
    player_.setSpeed(speed);
    table_->setText(servingText());
    dock_->setVisible(options.servePorts);
    stop_->setEnabled(true);
    updateMarker();
    emit servingChanged(true);
    return true;
}

QString LiveActions::servingText() const {
    if (!session_) return {};
    return tr("From host %1. Try:\n").arg(QString::fromStdString(session_->fromHost())) +
           QString::fromStdString(session_->startupTable()).trimmed();
}

void LiveActions::stop() {
    if (!session_) return;
    const bool wasServing = session_->isRunning();
    emit sessionEnding();
    session_->stop();
    finishedSession_ = sessionText();
    session_.reset();
    stop_->setEnabled(false);
    dock_->hide();
    updateMarker();
    if (wasServing) emit servingChanged(false);
}

void LiveActions::togglePause() {
    if (!isServing()) return;
    if (session_->isPaused()) session_->resume();
    else session_->pause();
}

void LiveActions::setSpeed(double speed) {
    if (!isServing()) return;
    // The slider's top is as fast as the world goes.
    if (speed >= 1000.0) {
        session_->setSpeed(Speed::unlimited());
        return;
    }
    session_->setSpeed(Speed::thousandths(std::max<std::int64_t>(1, std::llround(speed * 1000.0))));
}

void LiveActions::updateMarker() {
    if (!player_.isLive() || !isServing()) {
        controls_.setLiveMarker(PlayerControls::LiveMarker::Off);
        return;
    }
    if (session_->isPaused()) controls_.setLiveMarker(PlayerControls::LiveMarker::Paused);
    else if (player_.isFollowing()) controls_.setLiveMarker(PlayerControls::LiveMarker::Following);
    else controls_.setLiveMarker(PlayerControls::LiveMarker::Behind);
    if (!player_.isFollowing() && player_.playback() != nullptr) {
        // Where the cursor is, and where the present is.
        controls_.setProgress(tr("live: %1").arg(QString::fromStdString(formatClock(session_->now()))));
    }
}

}  // namespace netstage::gui
