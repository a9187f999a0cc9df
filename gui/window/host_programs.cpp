#include "gui/window/host_programs.hpp"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>

#include "gui/player/live_session.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/programs/mail_panel.hpp"
#include "gui/programs/program_panel.hpp"
#include "gui/programs/terminal_panel.hpp"
#include "gui/widgets/host_model.hpp"
#include "gui/widgets/look.hpp"
#include "gui/window/live_actions.hpp"
#include "gui/window/main_window.hpp"
#include "programs/program_host.hpp"
#include "simulator/scenario/live_world.hpp"

namespace netstage::gui {

namespace {
// A terminal of about 64 columns beside the network.
constexpr int panelColumns = 64;

// The FTP panel opens the scenario's FTP server, if it has one.
QString ftpCommand(LiveSession& session) {
    const auto& servers = session.liveWorld().spec().ftpServers;
    if (!servers.empty()) return QStringLiteral("ftp %1").arg(QString::fromStdString(servers.front().host));
    return QStringLiteral("ftp");
}
}  // namespace

HostPrograms::HostPrograms(MainWindow& window, LiveActions& live) : QObject{&window}, window_{window}, live_{live} {
    connect(&live_, &LiveActions::sessionEnding, this, &HostPrograms::worldEnding);
}

HostPrograms::~HostPrograms() { worldEnding(); }

QString HostPrograms::nameOf(Program program) {
    switch (program) {
        case Program::Terminal: return tr("Terminal");
        case Program::Mail: return tr("Mail");
        case Program::Ftp: return tr("FTP");
    }
    return {};
}

void HostPrograms::addMenu(QMenuBar& bar) {
    menu_ = bar.addMenu(tr("&Host"));
    connect(menu_, &QMenu::aboutToShow, this, &HostPrograms::rebuildHostMenu);
    rebuildHostMenu();
}

QStringList HostPrograms::hostNames() const {
    QStringList names;
    const Playback* playback = window_.player().playback();
    if (playback == nullptr) return names;
    // Real clients being served come in from that host: its connections are theirs.
    const LiveSession* session = live_.isServing() ? live_.session() : nullptr;
    const std::string clientsHost = session != nullptr && session->servesPorts() ? session->fromHost() : std::string{};
    for (const auto& node : playback->topology().nodes) {
        // A router runs no programs a student would sit at.
        if (node.role != NodeRole::Router && node.name != clientsHost) names << QString::fromStdString(node.name);
    }
    return names;
}

void HostPrograms::fillMenu(QMenu& menu, const QString& host) {
    const std::pair<Program, QString> entries[] = {{Program::Terminal, tr("&Terminal")},
                                                   {Program::Mail, tr("&Mail")},
                                                   {Program::Ftp, tr("&FTP")}};
    for (const auto& [program, text] : entries) {
        QAction* action = menu.addAction(text);
        action->setData(static_cast<int>(program));
        connect(action, &QAction::triggered, this, [this, program = program, host] { open(program, host); });
    }
}

void HostPrograms::rebuildHostMenu() {
    if (menu_ == nullptr) return;
    menu_->clear();
    const QStringList hosts = hostNames();
    QString selected = window_.hostModel().host();
    if (!hosts.contains(selected)) selected = hosts.isEmpty() ? QString{} : hosts.front();
    if (selected.isEmpty()) {
        menu_->addAction(tr("Open a scenario to run programs on its hosts"))->setEnabled(false);
        return;
    }
    menu_->addSection(selected);
    fillMenu(*menu_, selected);
    if (hosts.size() > 1) {
        menu_->addSeparator();
        for (const QString& host : hosts) {
            if (host == selected) continue;
            fillMenu(*menu_->addMenu(host), host);
        }
    }
}

void HostPrograms::showHostMenu(const QString& host, const QPoint& screenPos) {
    if (!hostNames().contains(host)) return;
    QMenu menu;
    menu.addSection(host);
    fillMenu(menu, host);
    menu.exec(screenPos);
}

bool HostPrograms::ensureLive(const QString& host) {
    if (live_.isServing()) return true;
    const QString file = window_.currentFile();
    const QString suffix = QFileInfo{file}.suffix().toLower();
    if (file.isEmpty() || (suffix != QLatin1String("yaml") && suffix != QLatin1String("yml"))) {
        window_.showError(tr("Programs need a live world"),
                          tr("The programs on a host act on a running world, and %1 is a recorded trace: it "
                             "replays what happened but cannot run anything new.\n\nOpen the scenario itself (a "
                             ".yaml file) with File > Open, then open the program again.")
                              .arg(file.isEmpty() ? tr("nothing") : QFileInfo{file}.fileName()));
        return false;
    }
    // The scenario starts again, live, at the player's speed; nothing is
    // served on local ports: only the programs talk to it.
    LiveSessionOptions options;
    options.servePorts = false;
    options.from = host.toStdString();
    const double speed = window_.player().speed();
    options.speed = speed >= 1000.0 ? Speed::unlimited()
                                    : Speed::thousandths(std::max<std::int64_t>(1, std::llround(speed * 1000.0)));
    return live_.serve(file, options);
}

QDockWidget* HostPrograms::open(Program program, const QString& host) {
    if (!ensureLive(host)) return nullptr;
    ProgramPanel* panel = makePanel(program, host);
    if (panel == nullptr) return nullptr;
    auto* dock = new QDockWidget{tr("%1 \u2014 %2").arg(nameOf(program), host), &window_};
    dock->setObjectName(QStringLiteral("programDock%1").arg(++opened_));
    dock->setAttribute(Qt::WA_DeleteOnClose);
    dock->setFont(look::labelBoldFont());
    panel->setParent(dock);
    panel->setFont(window_.font());
    dock->setWidget(panel);
    // Beside the network: the first on the right, the next under it, then tabs.
    QDockWidget* last = nullptr;
    int visible = 0;
    for (const auto& existing : docks_) {
        if (existing && !existing->isFloating()) {
            last = existing;
            ++visible;
        }
    }
    if (last == nullptr) {
        window_.addDockWidget(Qt::RightDockWidgetArea, dock);
    } else if (visible < 2) {
        window_.splitDockWidget(last, dock, Qt::Vertical);
    } else {
        window_.tabifyDockWidget(last, dock);
    }
    dock->show();
    dock->raise();
    // Wide enough for a terminal's lines, but the network keeps most of the window.
    const int width = QFontMetrics{look::monoFont()}.horizontalAdvance(QString(panelColumns, QLatin1Char('m')));
    window_.resizeDocks({dock}, {std::min(width, window_.width() * 3 / 10)}, Qt::Horizontal);
    docks_.append(dock);
    panel->setFocus();
    emit panelOpened(dock);
    return dock;
}

programs::ProgramHost* HostPrograms::programHost(const QString& host) const {
    const auto it = hosts_.find(host);
    return it == hosts_.end() ? nullptr : it->second.get();
}

ProgramPanel* HostPrograms::makePanel(Program program, const QString& host) {
    LiveSession* session = live_.session();
    if (session == nullptr) return nullptr;
    if (session->servesPorts() && host.toStdString() == session->fromHost()) {
        // That host's connections belong to the real clients being served.
        window_.showError(tr("Cannot open %1 on %2").arg(nameOf(program), host),
                          tr("Real clients connect into the world from %1 while it is served on local ports. Open "
                             "the program on another host.")
                              .arg(host));
        return nullptr;
    }
    try {
        auto& programHost = hosts_[host];
        if (!programHost) programHost = std::make_unique<programs::ProgramHost>(session->liveWorld(), host.toStdString());
        switch (program) {
            case Program::Terminal: return new TerminalPanel{host, *programHost, *session};
            case Program::Ftp: return new TerminalPanel{host, *programHost, *session, ftpCommand(*session)};
            case Program::Mail: return new MailPanel{host, *programHost, *session};
        }
    } catch (const std::exception& e) {
        window_.showError(tr("Cannot open %1 on %2").arg(nameOf(program), host), QString::fromStdString(e.what()));
    }
    return nullptr;
}

QList<QDockWidget*> HostPrograms::docks() const {
    QList<QDockWidget*> out;
    for (const auto& dock : docks_) {
        if (dock) out << dock;
    }
    return out;
}

QList<ProgramPanel*> HostPrograms::panels() const {
    QList<ProgramPanel*> out;
    for (QDockWidget* dock : docks()) {
        if (auto* panel = qobject_cast<ProgramPanel*>(dock->widget())) out << panel;
    }
    return out;
}

void HostPrograms::worldEnding() {
    // Panels let go of the hosts' programs first, then the hosts of the world.
    for (ProgramPanel* panel : panels()) panel->worldEnding(tr("the live world stopped"));
    hosts_.clear();
}

}  // namespace netstage::gui
