// The programs on a simulated host, in the window (Host menu): a terminal on
// alice-pc typing the lecture's SMTP dialogue with telnet, the session saved
// and replayed, the mail program sending and reading back over IMAP, two
// programs on two hosts at once, pausing, and a program asked for on a trace.

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gui/player/default_trace_source.hpp"
#include "gui/player/live_session.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/programs/mail_panel.hpp"
#include "gui/programs/terminal_panel.hpp"
#include "gui/programs/terminal_widget.hpp"
#include "gui/scene/topology_scene.hpp"
#include "gui/widgets/error_dialog.hpp"
#include "gui/widgets/transcript_model.hpp"
#include "gui/window/export_actions.hpp"
#include "gui/window/host_programs.hpp"
#include "gui/window/live_actions.hpp"
#include "gui/window/main_window.hpp"
#include "programs/mail_program.hpp"
#include "programs/terminal.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/trace/fingerprint_sink.hpp"
#include "tests/gui/process_until.hpp"
#include "tests/gui/server_files.hpp"
#include "tests/support/lecture.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::gui {
namespace {

using test_support::processUntil;

// The lecture's SMTP dialogue as the transcript shows it, and what the client types in it.
const std::vector<std::string>& lectureDialogue = test_support::lectureSmtpDialogue();
const std::vector<std::string> lectureClientLines = [] {
    std::vector<std::string> typed;
    for (const std::string& line : test_support::lectureSmtpDialogue()) {
        if (line.starts_with("C: ")) typed.push_back(line.substr(3));
    }
    return typed;
}();

class HostProgramsTest : public ::testing::Test {
protected:
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;

    void SetUp() override {
        window = std::make_unique<MainWindow>(defaultTraceSource(), MainWindow::Options{false});
        window->resize(1600, 1000);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    void TearDown() override { window.reset(); }

    // Opens a scenario as a finished run, at the speed the world will run at.
    void openScenario(const std::string& name) {
        ASSERT_TRUE(window->openFile(QString::fromStdString(test_support::scenarioPath(name))));
        window->player().setSpeed(1000.0);  // the slider's top: as fast as the world goes
    }

    TerminalPanel* openTerminal(const QString& host) {
        QDockWidget* dock = window->programs().open(HostPrograms::Program::Terminal, host);
        return dock == nullptr ? nullptr : qobject_cast<TerminalPanel*>(dock->widget());
    }

    MailPanel* openMail(const QString& host) {
        QDockWidget* dock = window->programs().open(HostPrograms::Program::Mail, host);
        return dock == nullptr ? nullptr : qobject_cast<MailPanel*>(dock->widget());
    }

    // Types a line into the panel's typing line and presses Enter, once the terminal is ready for it.
    static bool typeWhenReady(TerminalPanel& panel, const QString& line) {
        if (!processUntil([&] { return panel.terminal() != nullptr && panel.terminal()->readyForInput(); })) return false;
        QLineEdit& input = panel.console().inputLine();
        input.setFocus();
        QTest::keyClicks(&input, line);
        QTest::keyClick(&input, Qt::Key_Return);
        return true;
    }

    std::vector<std::string> transcriptRows() {
        std::vector<std::string> rows;
        TranscriptModel& model = window->transcriptModel();
        for (int row = 0; row < model.rowCount(); ++row) {
            rows.push_back(model.data(model.index(row), Qt::DisplayRole).toString().toStdString());
        }
        return rows;
    }

    // The lines of the first transcript block whose header starts with `from` and names `to` (and `protocol`, if given).
    std::vector<std::string> block(const std::string& from, const std::string& to, const std::string& protocol = {}) {
        std::vector<std::string> lines;
        bool inside = false;
        bool found = false;
        for (const std::string& row : transcriptRows()) {
            if (row.rfind("# ", 0) == 0) {
                if (found) break;
                inside = row.rfind("# " + from + " (", 0) == 0 && row.find("-> " + to + " (") != std::string::npos &&
                         (protocol.empty() || row.ends_with(" " + protocol));
                found = inside;
                continue;
            }
            if (inside && !row.empty()) lines.push_back(row);
        }
        return lines;
    }

    std::size_t events(const std::string& node, const std::string& layer, const std::string& type) {
        std::size_t count = 0;
        for (const auto& record : window->player().playback()->log().records) {
            const auto* event = std::get_if<trace::Event>(&record);
            if (event != nullptr && event->node == node && event->layer == layer && event->type == type) ++count;
        }
        return count;
    }
};

TEST_F(HostProgramsTest, theLecturesDialogueTypedInAlicesTerminalIsTheTranscriptAndReplaysFromTheSavedSession) {
    openScenario("01-smtp-alice-to-bob");
    TerminalPanel* panel = openTerminal(QStringLiteral("alice-pc"));
    ASSERT_NE(panel, nullptr);
    // Opening a program started the loaded scenario live, with no ports served.
    ASSERT_TRUE(window->live().isServing());
    EXPECT_FALSE(window->live().servingPanel()->isVisible());
    EXPECT_TRUE(panel->console().outputText().contains(QStringLiteral("alice-pc$")));
    const std::size_t storedBefore = events("hamburger.edu", "mail", "stored");

    ASSERT_TRUE(typeWhenReady(*panel, QStringLiteral("telnet hamburger.edu 25")));
    ASSERT_TRUE(processUntil([&] { return panel->console().outputText().contains(QStringLiteral("220 hamburger.edu")); }));
    for (const std::string& line : lectureClientLines) ASSERT_TRUE(typeWhenReady(*panel, QString::fromStdString(line)));
    ASSERT_TRUE(processUntil([&] { return block("alice-pc", "hamburger.edu").size() == lectureDialogue.size(); }));
    EXPECT_EQ(block("alice-pc", "hamburger.edu"), lectureDialogue);
    // The terminal showed the server's words as they came.
    EXPECT_TRUE(panel->console().outputText().contains(QStringLiteral("250 Message accepted for delivery")));
    // One connection from alice-pc came in from outside the script.
    EXPECT_EQ(events("alice-pc", "bridge", "open"), 1u);
    // Bob's mailbox got the typed message (the scripted one too, at its own time).
    ASSERT_TRUE(processUntil([&] { return events("hamburger.edu", "mail", "stored") > storedBefore; }));

    // Saved while running and after stopping: both replay the session.
    const QString saved = dir.filePath(QStringLiteral("session.yaml"));
    window->live().stop();
    ASSERT_TRUE(window->live().saveSessionAction()->isEnabled());
    ASSERT_TRUE(window->live().saveSession(saved));
    // The terminal stays readable, and says the world is gone.
    EXPECT_TRUE(panel->console().isClosed());

    const trace::TraceLog& live = window->player().playback()->log();
    trace::FingerprintSink liveFingerprint;
    trace::replay(live, liveFingerprint);
    const scenario::ScenarioSpec replay = scenario::loadScenarioFile(saved.toStdString());
    ASSERT_TRUE(replay.bridge.has_value());
    scenario::RunOptions options;
    options.keepLog = true;
    const scenario::ScenarioRun run = scenario::runScenario(replay, options);
    EXPECT_EQ(run.summary.fingerprint, liveFingerprint.hex());
    EXPECT_TRUE(run.log.records == live.records);

    // The replay opens in the window too, as an ordinary scenario.
    ASSERT_TRUE(window->openFile(saved));
    EXPECT_EQ(block("alice-pc", "hamburger.edu"), lectureDialogue);
    EXPECT_FALSE(window->live().saveSessionAction()->isEnabled());
}

TEST_F(HostProgramsTest, theMailProgramSendsAMessageAndReadsItBackOverImap) {
    openScenario("04-imap-folders");
    MailPanel* laptop = openMail(QStringLiteral("bob-laptop"));
    ASSERT_NE(laptop, nullptr);
    ASSERT_NE(laptop->program(), nullptr);
    // The account is the scenario's user agent on that host.
    EXPECT_EQ(laptop->program()->account().address, "bob@hamburger.edu");
    EXPECT_EQ(laptop->program()->account().inbox, programs::MailAccount::Inbox::Imap);
    // Past the laptop's scripted session (1 s), which moves a message.
    LiveSession* session = window->live().session();
    ASSERT_TRUE(processUntil([&] { return session->now() > Time::fromMilliseconds(1500); }));

    laptop->tabs().setCurrentIndex(1);
    QTest::keyClicks(&laptop->toField(), QStringLiteral("bob@hamburger.edu"));
    QTest::keyClicks(&laptop->bccField(), QStringLiteral("bob@hamburger.edu"));
    QTest::keyClicks(&laptop->subjectField(), QStringLiteral("Pickles"));
    laptop->bodyField().setPlainText(QStringLiteral("Dill or sweet?\n"));
    QTest::mouseClick(&laptop->sendButton(), Qt::LeftButton);
    ASSERT_TRUE(processUntil([&] { return laptop->program()->sentCount() == 1; }));
    EXPECT_EQ(laptop->program()->lastOutcome(), "\"Pickles\" accepted by hamburger.edu");
    ASSERT_TRUE(processUntil([&] { return laptop->program()->busy() == 0; }));
    // The submission is on the wire and in the transcript, as a scripted one is.
    const auto said = [&](const std::string& line) {
        const std::vector<std::string> lines = block("bob-laptop", "hamburger.edu", "SMTP");
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    };
    ASSERT_TRUE(processUntil([&] { return said("C: QUIT"); }));
    EXPECT_TRUE(said("C: EHLO hamburger.edu"));
    EXPECT_TRUE(said("C: RCPT TO:<bob@hamburger.edu>"));
    const std::vector<std::string> smtp = block("bob-laptop", "hamburger.edu", "SMTP");
    // Bcc is an envelope recipient only: no header line names it.
    for (const std::string& line : smtp) EXPECT_EQ(line.rfind("C: Bcc:", 0), std::string::npos) << line;

    MailPanel* phone = openMail(QStringLiteral("bob-phone"));
    ASSERT_NE(phone, nullptr);
    QTest::mouseClick(&phone->refreshButton(), Qt::LeftButton);
    QTreeWidget& list = phone->messageList();
    const auto rowWith = [&](const QString& subject) -> QTreeWidgetItem* {
        for (int row = 0; row < list.topLevelItemCount(); ++row) {
            if (list.topLevelItem(row)->text(2) == subject) return list.topLevelItem(row);
        }
        return nullptr;
    };
    ASSERT_TRUE(processUntil([&] { return rowWith(QStringLiteral("Pickles")) != nullptr; }));
    EXPECT_EQ(rowWith(QStringLiteral("Pickles"))->text(1), QStringLiteral("bob@hamburger.edu"));
    // The folders the server keeps, the laptop's Recipes among them.
    EXPECT_GE(phone->folderBox().findText(QStringLiteral("Recipes")), 0);

    list.setCurrentItem(rowWith(QStringLiteral("Pickles")));
    ASSERT_TRUE(processUntil([&] { return phone->messageView().toPlainText().contains(QStringLiteral("Dill or sweet?")); }));
    EXPECT_TRUE(phone->messageView().toPlainText().contains(QStringLiteral("Subject: Pickles")));
    EXPECT_FALSE(phone->messageView().toPlainText().contains(QStringLiteral("Bcc")));

    // Moving it to Recipes takes it out of INBOX, on the server.
    ASSERT_TRUE(processUntil([&] { return phone->program()->busy() == 0; }));
    phone->program()->move(rowWith(QStringLiteral("Pickles"))->data(0, Qt::UserRole).toUInt(), "Recipes");
    ASSERT_TRUE(processUntil([&] { return phone->program()->busy() == 0 && rowWith(QStringLiteral("Pickles")) == nullptr; }));
    EXPECT_GE(events("hamburger.edu", "imap", "line"), 1u);
}

TEST_F(HostProgramsTest, theFtpPanelLogsInListsGetsAndPutsWithTheFilesOnBothSides) {
    openScenario("05-ftp-session");
    QDockWidget* dock = window->programs().open(HostPrograms::Program::Ftp, QStringLiteral("student-pc"));
    ASSERT_NE(dock, nullptr);
    EXPECT_TRUE(dock->windowTitle().contains(QStringLiteral("FTP")));
    auto* panel = qobject_cast<TerminalPanel*>(dock->widget());
    ASSERT_NE(panel, nullptr);
    // Started with the scenario's FTP server.
    EXPECT_TRUE(panel->console().outputText().startsWith(QStringLiteral("student-pc$ ftp ftp.school.edu\n")));
    ASSERT_TRUE(typeWhenReady(*panel, QStringLiteral("alice")));
    ASSERT_TRUE(processUntil([&] { return panel->console().inputLine().echoMode() == QLineEdit::Password; }));
    ASSERT_TRUE(typeWhenReady(*panel, QStringLiteral("wonderland")));
    EXPECT_FALSE(panel->console().history().contains(QStringLiteral("wonderland")));
    EXPECT_FALSE(panel->console().outputText().contains(QStringLiteral("wonderland")));
    for (const QString& line : {QStringLiteral("cd reports"), QStringLiteral("ls"), QStringLiteral("get report.pdf"),
                                QStringLiteral("put report.pdf /uploads/copy.pdf")}) {
        ASSERT_TRUE(typeWhenReady(*panel, line));
    }
    ASSERT_TRUE(processUntil([&] { return panel->terminal()->readyForInput(); }));
    const QString screen = panel->console().outputText();
    EXPECT_TRUE(screen.contains(QStringLiteral("230 Login successful")));
    EXPECT_TRUE(screen.contains(QStringLiteral("227 Entering Passive Mode (")));
    EXPECT_TRUE(screen.contains(QStringLiteral("readme.txt\n")));
    EXPECT_TRUE(screen.contains(QStringLiteral("4096 bytes received in ")));
    EXPECT_TRUE(screen.contains(QStringLiteral("4096 bytes sent in ")));
    // The files, on the host and on the server.
    programs::ProgramHost* host = window->programs().programHost(QStringLiteral("student-pc"));
    ASSERT_NE(host, nullptr);
    const auto local = host->files().read("report.pdf");
    ASSERT_TRUE(local.has_value());
    EXPECT_EQ(local->size(), 4096u);
    EXPECT_EQ(testing::ftpServerFile(window->live().session()->liveWorld(), "ftp.school.edu", "alice", "/uploads/copy.pdf"),
              local);
}

TEST_F(HostProgramsTest, programsOnTwoHostsRunAtOnceEachInItsOwnDock) {
    openScenario("01-smtp-alice-to-bob");
    TerminalPanel* alice = openTerminal(QStringLiteral("alice-pc"));
    TerminalPanel* bob = openTerminal(QStringLiteral("bob-pc"));
    ASSERT_NE(alice, nullptr);
    ASSERT_NE(bob, nullptr);
    ASSERT_EQ(window->programs().docks().size(), 2);
    EXPECT_TRUE(window->programs().docks()[0]->windowTitle().contains(QStringLiteral("alice-pc")));
    EXPECT_TRUE(window->programs().docks()[1]->windowTitle().contains(QStringLiteral("bob-pc")));
    EXPECT_TRUE(bob->console().outputText().contains(QStringLiteral("bob-pc$")));

    ASSERT_TRUE(typeWhenReady(*alice, QStringLiteral("dig hamburger.edu MX")));
    ASSERT_TRUE(typeWhenReady(*bob, QStringLiteral("telnet hamburger.edu 110")));
    ASSERT_TRUE(processUntil([&] { return bob->console().outputText().contains(QStringLiteral("+OK")); }));
    ASSERT_TRUE(processUntil([&] { return alice->terminal()->readyForInput(); }));
    EXPECT_TRUE(alice->console().outputText().contains(QStringLiteral("MX")));
    EXPECT_TRUE(alice->console().outputText().contains(QStringLiteral("hamburger.edu")));
    // Each host's connection is its own. The views hear of the run once a
    // frame, so the transcript may lag the console by a frame.
    EXPECT_TRUE(processUntil([&] { return !block("bob-pc", "hamburger.edu").empty(); }));
    EXPECT_TRUE(block("alice-pc", "hamburger.edu").empty());

    // A panel closed by the student leaves the others working.
    window->programs().docks()[0]->close();
    ASSERT_TRUE(processUntil([&] { return window->programs().docks().size() == 1; }));
    ASSERT_TRUE(typeWhenReady(*bob, QStringLiteral("user bob")));
    ASSERT_TRUE(processUntil([&] { return bob->console().outputText().count(QStringLiteral("+OK")) >= 2; }));
}

TEST_F(HostProgramsTest, aLineTypedWhileThePlayerIsPausedLeavesWhenItResumes) {
    openScenario("01-smtp-alice-to-bob");
    TerminalPanel* panel = openTerminal(QStringLiteral("alice-pc"));
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(typeWhenReady(*panel, QStringLiteral("telnet hamburger.edu 25")));
    ASSERT_TRUE(processUntil([&] { return panel->console().outputText().contains(QStringLiteral("220 hamburger.edu")); }));
    ASSERT_TRUE(processUntil([&] { return panel->terminal()->readyForInput(); }));

    QTest::keyClick(window.get(), Qt::Key_Space);  // the transport bar's Pause: the world stops
    ASSERT_TRUE(window->live().session()->isPaused());
    const Time frozen = window->live().session()->now();
    QTest::keyClicks(&panel->console().inputLine(), QStringLiteral("HELO crepes.fr"));
    QTest::keyClick(&panel->console().inputLine(), Qt::Key_Return);
    QTest::qWait(200);
    EXPECT_EQ(window->live().session()->now(), frozen);
    EXPECT_FALSE(panel->console().outputText().contains(QStringLiteral("pleased to meet you")));

    QTest::keyClick(window.get(), Qt::Key_Space);  // Resume
    ASSERT_FALSE(window->live().session()->isPaused());
    ASSERT_TRUE(processUntil([&] { return panel->console().outputText().contains(QStringLiteral("pleased to meet you")); }));
    ASSERT_TRUE(processUntil([&] { return block("alice-pc", "hamburger.edu").size() >= 2; }));
    const std::vector<std::string> dialogue = block("alice-pc", "hamburger.edu");
    EXPECT_EQ(dialogue[1], "C: HELO crepes.fr");
}

TEST_F(HostProgramsTest, aProgramOnARecordedTraceSaysToOpenTheScenario) {
    openScenario("01-smtp-alice-to-bob");
    // A trace saved from this run has no world to act on.
    const QString trace = dir.filePath(QStringLiteral("run.jsonl"));
    window->live().stop();
    ASSERT_TRUE(window->exports().saveTraceTo(trace));
    ASSERT_TRUE(window->openFile(trace));
    EXPECT_EQ(window->programs().open(HostPrograms::Program::Terminal, QStringLiteral("alice-pc")), nullptr);
    ASSERT_NE(window->errorBox(), nullptr);
    EXPECT_TRUE(window->errorBox()->text().contains(QStringLiteral("File > Open")));
    EXPECT_FALSE(window->live().isServing());
}

TEST_F(HostProgramsTest, theHostMenuOffersEachProgramForTheSelectedHostAndTheOthers) {
    openScenario("01-smtp-alice-to-bob");
    window->scene().selectHost(QStringLiteral("bob-pc"));
    QMenu* menu = window->programs().hostMenu();
    ASSERT_NE(menu, nullptr);
    emit menu->aboutToShow();
    QStringList texts;
    for (QAction* action : menu->actions()) texts << action->text();
    EXPECT_TRUE(texts.contains(QStringLiteral("bob-pc")));  // the section
    EXPECT_TRUE(texts.contains(QStringLiteral("&Terminal")));
    EXPECT_TRUE(texts.contains(QStringLiteral("&Mail")));
    EXPECT_TRUE(texts.contains(QStringLiteral("&FTP")));
    EXPECT_TRUE(texts.contains(QStringLiteral("alice-pc")));  // a submenu for another host
    EXPECT_FALSE(texts.contains(QStringLiteral("internet")));  // routers run no programs
}

// The console itself, without a world.
TEST(TerminalWidget, upAndDownWalkThroughTheLinesTyped) {
    TerminalWidget console;
    QSignalSpy entered{&console, &TerminalWidget::lineEntered};
    for (const QString& line : {QStringLiteral("help"), QStringLiteral("nslookup crepes.fr")}) {
        QTest::keyClicks(&console.inputLine(), line);
        QTest::keyClick(&console.inputLine(), Qt::Key_Return);
    }
    ASSERT_EQ(entered.count(), 2);
    QTest::keyClicks(&console.inputLine(), QStringLiteral("dig"));
    QTest::keyClick(&console.inputLine(), Qt::Key_Up);
    EXPECT_EQ(console.inputLine().text(), QStringLiteral("nslookup crepes.fr"));
    QTest::keyClick(&console.inputLine(), Qt::Key_Up);
    EXPECT_EQ(console.inputLine().text(), QStringLiteral("help"));
    QTest::keyClick(&console.inputLine(), Qt::Key_Up);
    EXPECT_EQ(console.inputLine().text(), QStringLiteral("help"));
    QTest::keyClick(&console.inputLine(), Qt::Key_Down);
    QTest::keyClick(&console.inputLine(), Qt::Key_Down);
    EXPECT_EQ(console.inputLine().text(), QStringLiteral("dig"));  // the draft comes back
}

TEST(TerminalWidget, ctrlBracketIsTelnetsEscapeAndAPasswordIsNotRemembered) {
    TerminalWidget console;
    QSignalSpy escapes{&console, &TerminalWidget::escapeTyped};
    QTest::keyClick(&console.inputLine(), Qt::Key_BracketRight, Qt::ControlModifier);
    EXPECT_EQ(escapes.count(), 1);
    console.setSecret(true);
    EXPECT_EQ(console.inputLine().echoMode(), QLineEdit::Password);
    QTest::keyClicks(&console.inputLine(), QStringLiteral("hungry"));
    QTest::keyClick(&console.inputLine(), Qt::Key_Return);
    EXPECT_TRUE(console.history().isEmpty());
}

TEST(TerminalWidget, aHundredKilobytePasteIsEnteredLineByLineWithoutStoppingTheWindow) {
    TerminalWidget console;
    QStringList entered;
    QObject::connect(&console, &TerminalWidget::lineEntered, [&](const QString& line) { entered << line; });
    QString paste;
    for (int i = 0; i < 2000; ++i) paste += QStringLiteral("line %1 of a long paste, padded to fifty chars..\n").arg(i, 4);
    paste += QStringLiteral("unfinished");
    ASSERT_GE(paste.size(), 100'000);
    QApplication::clipboard()->setText(paste);
    QTest::keyClick(&console.inputLine(), Qt::Key_V, Qt::ControlModifier);
    // A few lines per turn of the event loop: the first turn did not take them all.
    EXPECT_LT(entered.size(), 2000);
    EXPECT_GT(console.pendingLines(), 0);
    ASSERT_TRUE(processUntil([&] { return console.pendingLines() == 0; }));
    ASSERT_EQ(entered.size(), 2000);
    EXPECT_EQ(entered.front(), QStringLiteral("line    0 of a long paste, padded to fifty chars.."));
    EXPECT_EQ(console.inputLine().text(), QStringLiteral("unfinished"));

    // One 100 KB line is shown cut, and says how much was left out.
    console.appendOutput(QString(100'000, QLatin1Char('x')) + QLatin1Char('\n'));
    EXPECT_LT(console.outputText().size(), 300'000);
    EXPECT_TRUE(console.outputText().contains(QStringLiteral("more characters")));
}

}  // namespace
}  // namespace netstage::gui
