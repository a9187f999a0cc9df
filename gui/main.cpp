// netstage-gui [FILE]: plays a trace (*.jsonl) or runs a scenario (*.yaml)
// and plays its trace. With --screenshot it renders one moment to a PNG and
// exits, which is how the documentation's pictures are made. With --serve it
// serves a scenario live: real clients (telnet, a mail client) talk to its
// servers on local ports and the window follows what they do.

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>
#include <csignal>
#include <cstring>
#include <optional>
#include <string>

#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/player/checklist_source.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/live_session.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/scene/topology_scene.hpp"
#include "gui/scene/topology_view.hpp"
#include "gui/widgets/error_dialog.hpp"
#include "gui/widgets/theme_controller.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/live_actions.hpp"
#include "gui/window/main_window.hpp"

namespace {

const char* const defaultScenario = "scenarios/01-smtp-alice-to-bob.yaml";

bool wantsScreenshot(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0) return true;
    }
    return false;
}

// The first scenario a student should see: next to the working directory,
// next to the executable (an installed or build tree), or in the source tree.
QString findDefaultScenario(QStringList& lookedIn) {
    QStringList roots{QDir::currentPath()};
    QDir up{QCoreApplication::applicationDirPath()};
    for (int i = 0; i < 4; ++i) {
        roots << up.absolutePath();
        if (!up.cdUp()) break;
    }
#ifdef NETSTAGE_SOURCE_DIR
    roots << QStringLiteral(NETSTAGE_SOURCE_DIR);
#endif
    for (const QString& root : roots) {
        const QString candidate = QDir{root}.filePath(QLatin1String(defaultScenario));
        lookedIn << candidate;
        if (QFileInfo::exists(candidate)) return candidate;
    }
    return {};
}

// Every option the player takes, in one parser; built before any
// application object so --help and --version need no display.
struct Options {
    QCommandLineParser parser;
    QCommandLineOption screenshot{QStringLiteral("screenshot"), QStringLiteral("Render the window to <png> and exit."),
                                  QStringLiteral("png")};
    QCommandLineOption message{QStringLiteral("at-message"),
                               QStringLiteral("Put the cursor on application message <n> (from 1)."), QStringLiteral("n")};
    QCommandLineOption time{QStringLiteral("at-time"),
                            QStringLiteral("Put the cursor at simulated time <ms>; +<ms> is relative to --at-message."),
                            QStringLiteral("ms")};
    QCommandLineOption packet{QStringLiteral("at-packet"), QStringLiteral("Put the cursor on packet hop <n> (from 1)."),
                              QStringLiteral("n")};
    QCommandLineOption host{QStringLiteral("host"), QStringLiteral("Show <name> in the host panel."), QStringLiteral("name")};
    QCommandLineOption size{QStringLiteral("size"), QStringLiteral("Window size, e.g. 1600x1000."), QStringLiteral("WxH"),
                            QStringLiteral("1600x1000")};
    QCommandLineOption hideControl{QStringLiteral("hide-control-segments"),
                                   QStringLiteral("Do not draw TCP segments without payload.")};
    QCommandLineOption panel{QStringLiteral("panel"),
                             QStringLiteral("Show panel <name>: chart, events, inspector or expectations (repeatable)."),
                             QStringLiteral("name")};
    QCommandLineOption quiz{QStringLiteral("quiz"),
                            QStringLiteral("Ask the scenario's quiz in a --screenshot too (the player always asks it otherwise).")};
    QCommandLineOption presentation{
        QStringLiteral("presentation"),
        QStringLiteral("Start in presentation mode (F11): full screen, only network, chart and narration.")};
    QCommandLineOption theme{QStringLiteral("theme"),
                             QStringLiteral("Theme for this run: desktop, light or dark (not remembered)."),
                             QStringLiteral("name")};
    QCommandLineOption chartTcp{QStringLiteral("chart-tcp"),
                                QStringLiteral("Also draw TCP segments without payload in the sequence chart.")};
    QCommandLineOption serve{QStringLiteral("serve"),
                             QStringLiteral("Serve <scenario> live: its servers answer real clients on local ports."),
                             QStringLiteral("scenario")};
    QCommandLineOption speed{QStringLiteral("speed"),
                             QStringLiteral("With --serve: simulated seconds per wall-clock second (1, 0.1, max)."),
                             QStringLiteral("factor"), QStringLiteral("1")};
    QCommandLineOption port{QStringLiteral("port"),
                            QStringLiteral("With --serve: serve HOST:PORT on local port LOCAL (repeatable); only the "
                                           "ports given are served."),
                            QStringLiteral("HOST:PORT=LOCAL")};
    QCommandLineOption from{QStringLiteral("from"),
                            QStringLiteral("With --serve: real clients connect from scenario host <host>, not \"you\"."),
                            QStringLiteral("host")};
    QCommandLineOption chartPerApplication{QStringLiteral("chart-per-application"),
                                           QStringLiteral("One chart lifeline per application.")};
    QCommandLineOption against{QStringLiteral("against"),
                               QStringLiteral("Check each scenario against a teacher's expectations file "
                                              "(as netstage check --against) and show the checklist."),
                               QStringLiteral("teacher.yaml")};

    Options() {
        parser.setApplicationDescription(QStringLiteral("NetStage player: watch a scenario or a saved trace."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A trace (*.jsonl) or a scenario (*.yaml)."));
        parser.addOptions({screenshot, message, time, packet, host, size, hideControl, panel, quiz, presentation, theme,
                           chartTcp, chartPerApplication, serve, speed, port, from, against});
    }
};

// --help and --version only print: answered without a QApplication, which
// would need a display (or abort with "could not connect to display").
bool onlyPrints(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0) return true;
        }
    }
    return false;
}

void nameApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("NetStage"));
    QCoreApplication::setApplicationName(QStringLiteral("netstage-gui"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NETSTAGE_VERSION));
}

volatile std::sig_atomic_t shootNow = 0;
extern "C" void onShootSignal(int) { shootNow = 1; }

// --serve: the window serves the scenario live from the start. With
// --screenshot, the picture is taken when the process gets SIGUSR1 (a script
// typing a session chooses the moment), once a real client has come and
// gone, or after a minute without one.
int serveLive(netstage::gui::MainWindow& window, Options& options, bool screenshot) {
    QTextStream out{stdout};
    QTextStream err{stderr};
    const QCommandLineParser& parser = options.parser;
    netstage::gui::LiveSessionOptions live;
    const auto speed = netstage::Speed::parse(parser.value(options.speed).toStdString());
    if (!speed) {
        err << "--speed " << parser.value(options.speed)
            << ": expected a factor from 0.001 to 1000 (such as 1, 0.25, 10) or max\n";
        return 2;
    }
    live.speed = *speed;
    for (const QString& value : parser.values(options.port)) live.ports.push_back(value.toStdString());
    if (parser.isSet(options.from)) live.from = parser.value(options.from).toStdString();
    if (!screenshot) window.show();
    if (!window.live().serve(parser.value(options.serve), live)) {
        err << window.errorBox()->text() << '\n';
        if (screenshot) return 2;
        return QApplication::exec();  // the error stays on screen
    }
    out << window.live().servingText() << '\n' << Qt::flush;
    if (!screenshot) return QApplication::exec();

    window.show();
    for (const QString& panel : parser.values(options.panel)) window.panels().showPanel(panel);
    std::signal(SIGUSR1, onShootSignal);
    QElapsedTimer waited;
    waited.start();
    constexpr qint64 patience = 60'000;
    netstage::gui::LiveSession* session = window.live().session();
    const auto cameAndWent = [session] { return session->connectionsAccepted() > 0 && session->clientCount() == 0; };
    while (waited.elapsed() < patience && shootNow == 0 && !cameAndWent()) {
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    if (shootNow == 0) {
        // The last packets (the FIN exchange) cross the network first.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 500) QApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    // The frame as it is now; the marker still says LIVE.
    session->pollOnce(true);
    QApplication::processEvents();
    window.topologyView().fitScene();
    QApplication::processEvents();
    const QString png = parser.value(options.screenshot);
    if (!window.grab().save(png)) {
        err << "cannot write " << png << '\n';
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (onlyPrints(argc, argv)) {
        const QCoreApplication app{argc, argv};
        nameApplication();
        Options options;
        options.parser.process(app);  // prints and exits
        return 0;
    }
    const bool screenshot = wantsScreenshot(argc, argv);
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app{argc, argv};
    nameApplication();
    Options options;
    QCommandLineParser& parser = options.parser;
    parser.process(app);

    QTextStream err{stderr};
    // A picture made without a person must not change the person's settings
    // (recent files, theme).
    netstage::gui::MainWindow::Options windowOptions;
    windowOptions.rememberRecentFiles = !screenshot;
    std::optional<std::string> against;
    if (parser.isSet(options.against)) {
        against = parser.value(options.against).toStdString();
        if (const auto error = netstage::gui::teacherFileError(*against)) {
            err << QString::fromStdString(*error) << '\n';
            return 2;
        }
    }
    windowOptions.checklist = netstage::gui::defaultChecklistSource(against);
    windowOptions.askQuizzes = !screenshot || parser.isSet(options.quiz);
    netstage::gui::MainWindow window{netstage::gui::defaultTraceSource(), windowOptions};
    const QStringList size = parser.value(options.size).split(QLatin1Char('x'));
    if (size.size() == 2) window.resize(size[0].toInt(), size[1].toInt());
    if (parser.isSet(options.hideControl)) window.showControlSegmentsAction()->trigger();
    if (parser.isSet(options.theme)) {
        const auto theme = netstage::gui::ThemeController::parseChoice(parser.value(options.theme));
        if (!theme) {
            err << "unknown theme " << parser.value(options.theme) << " (desktop, light, dark)\n";
            return 2;
        }
        window.themes().setChoice(*theme);
    }
    if (parser.isSet(options.chartTcp)) window.panels().chart().setShowTcpSegments(true);
    if (parser.isSet(options.chartPerApplication)) window.panels().chart().setPerApplication(true);
    if (against) window.panels().showPanel(QStringLiteral("expectations"));
    for (const QString& panel : parser.values(options.panel)) {
        if (!window.panels().showPanel(panel)) {
            err << "unknown panel " << panel << " (chart, events, inspector, expectations)\n";
            return 2;
        }
    }

    if (parser.isSet(options.serve)) return serveLive(window, options, screenshot);

    QString file = parser.positionalArguments().value(0);
    if (file.isEmpty()) {
        QStringList lookedIn;
        file = findDefaultScenario(lookedIn);
        if (file.isEmpty()) {
            const QString text = QStringLiteral("No file given, and the first scenario was not found. Looked in:\n") +
                                 lookedIn.join(QLatin1Char('\n'));
            if (screenshot) {
                err << text << '\n';
                return 2;
            }
            window.show();
            window.showError(QStringLiteral("No scenario"), text);
            return QApplication::exec();
        }
    }

    if (screenshot) {
        if (!window.openFile(file)) {
            // The picture is then the error dialog, as a user would see it.
            netstage::gui::ErrorDialog* box = window.errorBox();
            err << box->text() << '\n';
            QApplication::processEvents();
            box->grab().save(parser.value(options.screenshot));
            return 2;
        }
        window.show();
        auto& player = window.player();
        if (parser.isSet(options.message)) player.seekMessage(parser.value(options.message).toInt() - 1);
        if (parser.isSet(options.packet)) {
            player.home();
            for (int i = 0; i < parser.value(options.packet).toInt(); ++i) player.nextPacket();
        }
        if (parser.isSet(options.time)) {
            // "+5" is 5 ms after the message or packet chosen above.
            const QString value = parser.value(options.time);
            const qint64 base = value.startsWith(QLatin1Char('+')) && player.playback() != nullptr
                                    ? player.playback()->time().nanoseconds()
                                    : 0;
            player.seekTime(base + static_cast<qint64>(value.toDouble() * 1e6));
        }
        if (parser.isSet(options.host)) window.scene().selectHost(parser.value(options.host));
        if (parser.isSet(options.presentation)) {
            window.setPresentationMode(true);
            // Offscreen there is no real screen to fill: the picture has --size.
            QApplication::processEvents();
            window.setWindowState(Qt::WindowNoState);
            if (size.size() == 2) window.resize(size[0].toInt(), size[1].toInt());
        }
        QApplication::processEvents();
        window.topologyView().fitScene();
        QApplication::processEvents();
        const QString out = parser.value(options.screenshot);
        if (!window.grab().save(out)) {
            err << "cannot write " << out << '\n';
            return 1;
        }
        return 0;
    }

    window.show();
    window.openFile(file);
    if (parser.isSet(options.presentation)) window.setPresentationMode(true);
    return QApplication::exec();
}
