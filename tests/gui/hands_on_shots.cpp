// Renders the hands-on pictures of docs/images (scripts/screenshots.sh):
// the window with programs open on simulated hosts, driven as a student
// would (lines typed into the terminal, a message composed), and grabbed at
// a moment worth showing. Offscreen; the same window the player shows.
//
//   netstage_gui_hands_on_shots SOURCE_DIR OUT_DIR

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <cstdio>
#include <functional>
#include <string>

#include "tests/gui/process_until.hpp"
#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/chart/sequence_chart_view.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/live_session.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/programs/mail_panel.hpp"
#include "gui/programs/terminal_panel.hpp"
#include "gui/programs/terminal_widget.hpp"
#include "gui/scene/topology_scene.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/host_programs.hpp"
#include "gui/window/live_actions.hpp"
#include "gui/window/main_window.hpp"
#include "programs/mail_program.hpp"
#include "programs/terminal.hpp"

using namespace netstage;
using namespace netstage::gui;

namespace {

bool waitFor(const std::function<bool()>& done, int limitMs = 30'000) { return test_support::processUntil(done, limitMs); }

void setSpeed(MainWindow& window, double speed) {
    window.player().setSpeed(speed);
    window.live().setSpeed(speed);
}

// Types a line into the terminal as a person would: when it is ready for one.
bool type(TerminalPanel& panel, const QString& line) {
    if (!waitFor([&] { return panel.terminal() != nullptr && panel.terminal()->readyForInput(); })) return false;
    QTest::keyClicks(&panel.console().inputLine(), line);
    QTest::keyClick(&panel.console().inputLine(), Qt::Key_Return);
    return true;
}

bool save(MainWindow& window, const QString& path) {
    QApplication::processEvents();
    if (!window.grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("wrote %s\n", qPrintable(path));
    return true;
}

struct Stage {
    MainWindow window{defaultTraceSource(), MainWindow::Options{false}};

    Stage(const QString& scenario, const QString& host) {
        window.resize(1600, 1000);
        window.show();
        window.openFile(scenario);
        window.scene().selectHost(host);
    }
};

bool terminalShot(const QString& source, const QString& out) {
    Stage stage{source + QStringLiteral("/scenarios/01-smtp-alice-to-bob.yaml"), QStringLiteral("alice-pc")};
    MainWindow& window = stage.window;
    window.player().setSpeed(1000.0);
    QDockWidget* dock = window.programs().open(HostPrograms::Program::Terminal, QStringLiteral("alice-pc"));
    if (dock == nullptr) return false;
    auto& panel = *qobject_cast<TerminalPanel*>(dock->widget());
    // The scenario's own part (Alice's message, Bob's POP3) first: what moves is the student's.
    if (!waitFor([&] { return window.live().session()->now() > Time::fromMilliseconds(2600); })) return false;
    setSpeed(window, 0.25);
    for (const char* line : {"telnet hamburger.edu 25", "HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>",
                             "RCPT TO: <bob@hamburger.edu>", "DATA", "Do you like ketchup?"}) {
        if (!type(panel, QString::fromUtf8(line))) return false;
    }
    if (!type(panel, QStringLiteral("How about pickles?"))) return false;
    // The line's segment on its way, about half-way to hamburger.edu.
    QTest::qWait(70);
    return save(window, out + QStringLiteral("/hands-on-terminal.png"));
}

bool mailShot(const QString& source, const QString& out) {
    Stage stage{source + QStringLiteral("/scenarios/04-imap-folders.yaml"), QStringLiteral("bob-phone")};
    MainWindow& window = stage.window;
    window.player().setSpeed(1000.0);
    QDockWidget* laptopDock = window.programs().open(HostPrograms::Program::Mail, QStringLiteral("bob-laptop"));
    if (laptopDock == nullptr) return false;
    auto& laptop = *qobject_cast<MailPanel*>(laptopDock->widget());
    if (!waitFor([&] { return window.live().session()->now() > Time::fromMilliseconds(1500); })) return false;
    laptop.tabs().setCurrentIndex(1);
    QTest::keyClicks(&laptop.toField(), QStringLiteral("bob@hamburger.edu"));
    QTest::keyClicks(&laptop.subjectField(), QStringLiteral("Pickles"));
    laptop.bodyField().setPlainText(QStringLiteral("Dill or sweet?\n"));
    QTest::mouseClick(&laptop.sendButton(), Qt::LeftButton);
    if (!waitFor([&] { return laptop.program()->sentCount() == 1 && laptop.program()->busy() == 0; })) return false;
    laptop.tabs().setCurrentIndex(0);
    QTest::mouseClick(&laptop.refreshButton(), Qt::LeftButton);
    QTreeWidget& list = laptop.messageList();
    const auto pickles = [&]() -> QTreeWidgetItem* {
        for (int row = 0; row < list.topLevelItemCount(); ++row) {
            if (list.topLevelItem(row)->text(2) == QStringLiteral("Pickles")) return list.topLevelItem(row);
        }
        return nullptr;
    };
    if (!waitFor([&] { return pickles() != nullptr && laptop.program()->busy() == 0; })) return false;
    setSpeed(window, 0.25);
    list.setCurrentItem(pickles());
    if (!waitFor([&] { return laptop.messageView().toPlainText().contains(QStringLiteral("Dill")); })) return false;
    QTest::qWait(30);
    return save(window, out + QStringLiteral("/hands-on-mail.png"));
}

bool ftpShot(const QString& source, const QString& out) {
    Stage stage{source + QStringLiteral("/scenarios/05-ftp-session.yaml"), QStringLiteral("student-pc")};
    MainWindow& window = stage.window;
    window.player().setSpeed(1000.0);
    QDockWidget* dock = window.programs().open(HostPrograms::Program::Ftp, QStringLiteral("student-pc"));
    if (dock == nullptr) return false;
    auto& panel = *qobject_cast<TerminalPanel*>(dock->widget());
    // Past the scripted client's session (1 s to 5 s).
    if (!waitFor([&] { return window.live().session()->now() > Time::fromMilliseconds(6500); })) return false;
    window.panels().showPanel(QStringLiteral("chart"));
    // The chart tall enough to show both connections' lanes, the console under it.
    window.resizeDocks({&window.panels().chartDock(), dock}, {560, 400}, Qt::Vertical);
    for (const char* line : {"alice", "wonderland", "cd reports", "ls"}) {
        if (!type(panel, QString::fromUtf8(line))) return false;
    }
    setSpeed(window, 0.25);
    if (!type(panel, QStringLiteral("get report.pdf"))) return false;
    // The data connection open beside the control connection; the chart
    // zoomed out so both hosts' lifelines fit the dock.
    QTest::qWait(400);
    if (auto* view = window.panels().chart().findChild<SequenceChartView*>()) {
        view->setZoom(0.5);
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->minimum());
    }
    return save(window, out + QStringLiteral("/hands-on-ftp.png"));
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app{argc, argv};
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s SOURCE_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    const QString source = QString::fromLocal8Bit(argv[1]);
    const QString out = QString::fromLocal8Bit(argv[2]);
    bool ok = true;
    for (const auto& shot : {terminalShot, mailShot, ftpShot}) {
        if (!shot(source, out)) {
            std::fprintf(stderr, "a hands-on picture could not be made\n");
            ok = false;
        }
    }
    return ok ? 0 : 1;
}
