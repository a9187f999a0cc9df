#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QToolButton>
#include <QFileInfo>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "gui/player/default_trace_source.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/scene/link_item.hpp"
#include "gui/scene/topology_scene.hpp"
#include "gui/widgets/error_dialog.hpp"
#include "gui/widgets/narration_bar.hpp"
#include "gui/widgets/player_controls.hpp"
#include "gui/widgets/transcript_model.hpp"
#include "gui/window/main_window.hpp"
#include "simulator/trace/json_lines_writer.hpp"
#include "tests/gui/sample_trace.hpp"
#include "tests/gui/window_with_files.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::gui {
namespace {

class MainWindowTest : public testing::WindowWithFiles {
protected:
    static std::string sampleJson() {
        std::ostringstream out;
        trace::JsonLinesWriter writer{out};
        trace::replay(testing::smtpSampleTrace(), writer);
        return out.str();
    }

    void SetUp() override {
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    }
};

TEST_F(MainWindowTest, opensATraceAtTheStart) {
    QSignalSpy loaded{&window, &MainWindow::documentLoaded};
    const QString path = write(QStringLiteral("good.jsonl"), sampleJson());
    ASSERT_TRUE(window.openFile(path));
    EXPECT_EQ(loaded.count(), 1);
    EXPECT_EQ(window.currentFile(), path);
    ASSERT_NE(window.player().playback(), nullptr);
    EXPECT_EQ(window.player().playback()->position(), 0u);
    EXPECT_EQ(window.controls().clockText(), QStringLiteral("t = 0.000 ms"));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("Alice sends Bob a message")));
}

TEST_F(MainWindowTest, aBadFileShowsTheErrorAndKeepsThePreviousDocument) {
    const QString good = write(QStringLiteral("good.jsonl"), sampleJson());
    ASSERT_TRUE(window.openFile(good));
    window.player().nextMessage();
    const Playback* before = window.player().playback();

    std::string broken = sampleJson();
    broken.insert(broken.find('\n') + 1, "{\"t\":0,\"kind\":\"bogus\"}\n");
    const QString bad = write(QStringLiteral("bad.jsonl"), broken);
    QSignalSpy failed{&window, &MainWindow::loadFailed};
    EXPECT_FALSE(window.openFile(bad));

    ASSERT_EQ(failed.count(), 1);
    const QString message = failed[0][0].toString();
    EXPECT_TRUE(message.contains(bad + QStringLiteral(":2: "))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("2 | {\"t\":0,\"kind\":\"bogus\"}"))) << message.toStdString();
    ASSERT_NE(window.errorBox(), nullptr);
    EXPECT_TRUE(window.errorBox()->isVisible());
    EXPECT_EQ(window.errorBox()->text(), message);

    EXPECT_EQ(window.currentFile(), good);
    EXPECT_EQ(window.player().playback(), before);
    EXPECT_EQ(window.player().playback()->currentMessage(), 0u);
}

TEST_F(MainWindowTest, aMissingOrGarbageFileNeverCrashes) {
    EXPECT_FALSE(window.openFile(dir.filePath(QStringLiteral("absent.jsonl"))));
    EXPECT_FALSE(window.openFile(write(QStringLiteral("empty.jsonl"), "")));
    EXPECT_FALSE(window.openFile(write(QStringLiteral("binary.jsonl"), std::string("\0\xff\xfe{\n", 5))));
    EXPECT_EQ(window.player().playback(), nullptr);
    EXPECT_TRUE(window.currentFile().isEmpty());
}

TEST_F(MainWindowTest, keysStepPlayAndJump) {
    ASSERT_TRUE(window.openFile(write(QStringLiteral("good.jsonl"), sampleJson())));
    const Playback& p = *window.player().playback();
    QTest::keyClick(&window, Qt::Key_Right);
    EXPECT_EQ(p.currentMessage(), 0u);
    QTest::keyClick(&window, Qt::Key_Right);
    EXPECT_EQ(p.currentMessage(), 1u);
    QTest::keyClick(&window, Qt::Key_Left);
    EXPECT_EQ(p.currentMessage(), 0u);
    const std::size_t before = p.position();
    QTest::keyClick(&window, Qt::Key_Right, Qt::ShiftModifier);
    const std::size_t onPacket = p.position();
    EXPECT_GT(onPacket, before);
    EXPECT_FALSE(p.hopsInFlight().empty());
    QTest::keyClick(&window, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(&window, Qt::Key_Left, Qt::ShiftModifier);
    EXPECT_EQ(p.position(), onPacket);
    QTest::keyClick(&window, Qt::Key_End);
    EXPECT_TRUE(p.atEnd());
    QTest::keyClick(&window, Qt::Key_Home);
    EXPECT_EQ(p.position(), 0u);
    QTest::keyClick(&window, Qt::Key_Space);
    EXPECT_TRUE(window.player().isPlaying());
    QTest::keyClick(&window, Qt::Key_Space);
    EXPECT_FALSE(window.player().isPlaying());
}

// Each menu's entries, "-" for a separator, as the menu bar shows them.
QStringList menuEntries(MainWindow& window, const QString& title) {
    QStringList entries;
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() != title) continue;
        for (const QAction* action : menu->menu()->actions()) {
            entries << (action->isSeparator() ? QStringLiteral("-") : action->text());
        }
    }
    return entries;
}

TEST_F(MainWindowTest, theMenusHoldTheirEntriesInOrder) {
    EXPECT_EQ(menuEntries(window, QStringLiteral("&File")),
              (QStringList{QStringLiteral("&Open..."), QStringLiteral("Open &Recent"), QStringLiteral("&Reload"),
                           QStringLiteral("-"), QStringLiteral("Serve Scenario &Live..."), QStringLiteral("S&top Serving"),
                           QStringLiteral("Save &Session As..."), QStringLiteral("-"),
                           QStringLiteral("&Export Sequence Chart..."),
                           QStringLiteral("Save &Trace As..."), QStringLiteral("Export &Packet Capture..."),
                           QStringLiteral("-"), QStringLiteral("&Quit")}));
    EXPECT_EQ(menuEntries(window, QStringLiteral("&View")),
              (QStringList{QStringLiteral("Show TCP &control segments"), QStringLiteral("&Skip idle time while playing"),
                           QStringLiteral("&Fit network to window"), QStringLiteral("-"),
                           QStringLiteral("&Presentation Mode"), QStringLiteral("&Theme"), QStringLiteral("-"),
                           QStringLiteral("Sequence chart"), QStringLiteral("Event list"),
                           QStringLiteral("Packet inspector"),
                           QStringLiteral("Expectations")}));
    // Opening a file puts it under Open Recent, which opens it again.
    const QString path = write(QStringLiteral("good.jsonl"), sampleJson());
    ASSERT_TRUE(window.openFile(path));
    EXPECT_EQ(window.recentFiles(), QStringList{QFileInfo{path}.absoluteFilePath()});
    QSignalSpy loaded{&window, &MainWindow::documentLoaded};
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() != QStringLiteral("&File")) continue;
        QMenu* recent = menu->menu()->actions().at(1)->menu();
        ASSERT_NE(recent, nullptr);
        ASSERT_EQ(recent->actions().size(), 1);
        recent->actions().front()->trigger();
    }
    ASSERT_EQ(loaded.count(), 1);
    EXPECT_EQ(loaded[0][0].toString(), path);
}

TEST_F(MainWindowTest, theTitleIsNarratedUntilTheFirstCaption) {
    ASSERT_TRUE(window.openFile(write(QStringLiteral("good.jsonl"), sampleJson())));
    EXPECT_EQ(window.narration().text(), QStringLiteral("Alice sends Bob a message"));
}

TEST_F(MainWindowTest, viewsShowTheCursor) {
    ASSERT_TRUE(window.openFile(write(QStringLiteral("good.jsonl"), sampleJson())));
    window.player().seekMessage(9);
    const Playback& p = *window.player().playback();
    EXPECT_EQ(window.narration().text(), QString::fromStdString(p.caption()));
    EXPECT_GE(window.narration().font().pointSize(), 24);
    EXPECT_EQ(window.controls().clockText(), QString::fromStdString("t = " + p.time().toMillisecondsString()));
    const QModelIndex current = window.transcriptModel().currentIndex();
    ASSERT_TRUE(current.isValid());
    EXPECT_EQ(current.data().toString(), QStringLiteral("C: Do you like ketchup?"));
    const QRect shown = window.transcriptView().visualRect(current);
    EXPECT_TRUE(window.transcriptView().viewport()->rect().intersects(shown)) << "the current line is scrolled into view";
}

TEST_F(MainWindowTest, reloadReadsTheFileAgainAndKeepsTheMoment) {
    const QString path = write(QStringLiteral("good.jsonl"), sampleJson());
    ASSERT_TRUE(window.openFile(path));
    window.player().seekMessage(4);
    const Time at = window.player().playback()->time();
    const Playback* first = window.player().playback();
    QSignalSpy loaded{&window, &MainWindow::documentLoaded};
    QTest::keyClick(&window, Qt::Key_F5);
    EXPECT_EQ(loaded.count(), 1);
    EXPECT_NE(window.player().playback(), first);
    EXPECT_EQ(window.player().playback()->time(), at) << "the same moment, in the fresh document";
    EXPECT_EQ(window.recentFiles().value(0), QFileInfo{path}.absoluteFilePath());
}

TEST_F(MainWindowTest, theFirstScenarioOfTheLibraryRunsAndPlays) {
    const QString path = QString::fromStdString(netstage::test_support::scenarioPath("01-smtp-alice-to-bob"));
    ASSERT_TRUE(window.openFile(path)) << (window.errorBox() ? window.errorBox()->text().toStdString() : "");
    const Playback& p = *window.player().playback();
    ASSERT_NE(p.topology().findNode("hamburger.edu"), nullptr);
    EXPECT_EQ(p.topology().findNode("hamburger.edu")->role, NodeRole::MailServer);
    ASSERT_FALSE(p.transcript().conversations.empty());
    EXPECT_EQ(p.transcript().conversations.front().protocol, "SMTP");
    EXPECT_FALSE(p.hops().empty());
    QTest::keyClick(&window, Qt::Key_End);
    EXPECT_GT(p.state().host("hamburger.edu") ? p.state().host("hamburger.edu")->connections.size() : 0u, 0u);
}

TEST_F(MainWindowTest, aScenarioWithAFailingLinkPlaysToTheEndShowingPacketsAndDrops) {
    const QString path = QString::fromStdString(netstage::test_support::scenarioPath("07-smtp-relay-retry"));
    ASSERT_TRUE(window.openFile(path)) << (window.errorBox() ? window.errorBox()->text().toStdString() : "");
    std::int64_t wall = 0;
    window.player().setWallClock([&wall] { return wall; });
    window.player().setSpeed(1.0);
    window.player().play();
    int frames = 0;
    int framesWithPackets = 0;
    int framesWithDrops = 0;
    int framesWithLinkDown = 0;
    for (; frames < 100'000 && window.player().isPlaying(); ++frames) {
        wall += PlayerController::frameMilliseconds * 1'000'000;
        window.player().tick();
        if (!window.scene().visiblePackets().isEmpty()) ++framesWithPackets;
        if (!window.scene().visibleDrops().isEmpty()) ++framesWithDrops;
        const auto links = window.scene().linkItems();
        if (std::any_of(links.begin(), links.end(), [](const LinkItem* l) { return l->isDown(); })) ++framesWithLinkDown;
    }
    EXPECT_FALSE(window.player().isPlaying());
    EXPECT_TRUE(window.player().playback()->atEnd());
    EXPECT_GT(framesWithPackets, 0);
    EXPECT_GT(framesWithLinkDown, 0);
    const bool anyDrops = !window.player().playback()->drops().empty();
    EXPECT_EQ(framesWithDrops > 0, anyDrops);
}

TEST_F(MainWindowTest, scenarioFilesAreRunOrExplainWhyNot) {
    const QString path = write(QStringLiteral("broken.yaml"), "title: [unclosed\n");
    QSignalSpy failed{&window, &MainWindow::loadFailed};
    EXPECT_FALSE(window.openFile(path));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed[0][0].toString().contains(QStringLiteral("broken.yaml")));
}

}  // namespace
}  // namespace netstage::gui

namespace netstage::gui {
namespace {

// The golden transcript of a scenario, block by block, lines only.
std::vector<std::vector<std::string>> goldenBlocks(const std::string& name) {
    std::istringstream in{netstage::test_support::readSourceFile("tests/golden/" + name + ".transcript")};
    std::vector<std::vector<std::string>> blocks;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("# ", 0) == 0) blocks.emplace_back();
        else if (!line.empty() && !blocks.empty()) blocks.back().push_back(line);
    }
    return blocks;
}

}  // namespace

TEST_F(MainWindowTest, steppingThroughScenario01ShowsTheGoldenTranscriptAndTheRightStates) {
    const QString path = QString::fromStdString(netstage::test_support::scenarioPath("01-smtp-alice-to-bob"));
    ASSERT_TRUE(window.openFile(path)) << (window.errorBox() ? window.errorBox()->text().toStdString() : "");
    const Playback& p = *window.player().playback();

    // Each conversation holds exactly the lines of its golden block.
    const auto golden = goldenBlocks("01-smtp-alice-to-bob");
    const Transcript& transcript = p.transcript();
    ASSERT_EQ(transcript.conversations.size(), golden.size());
    for (std::size_t c = 0; c < golden.size(); ++c) {
        std::vector<std::string> lines;
        for (const std::size_t m : transcript.conversations[c].messages) lines.push_back(transcript.messages[m].display());
        EXPECT_EQ(lines, golden[c]) << "conversation " << c;
    }

    // Right steps one application message at a time, in trace order, to the end.
    QTest::keyClick(&window, Qt::Key_Home);
    std::vector<WorldState> states;
    std::vector<std::string> captions;
    for (std::size_t i = 0; i < transcript.messages.size(); ++i) {
        QTest::keyClick(&window, Qt::Key_Right);
        ASSERT_EQ(p.currentMessage(), std::optional<std::size_t>{i});
        states.push_back(p.state());
        captions.push_back(p.caption());
    }
    EXPECT_EQ(captions[transcript.messages.size() / 2 - 1].rfind("4)", 0), 0u) << captions[transcript.messages.size() / 2 - 1];
    EXPECT_EQ(captions.back().rfind("6) Bob invokes his user agent", 0), 0u) << captions.back();

    // At the end: the message went through crepes.fr's queue and is no longer in Bob's mailbox (POP3 deleted it).
    QTest::keyClick(&window, Qt::Key_End);
    ASSERT_NE(p.state().host("crepes.fr"), nullptr);
    EXPECT_EQ(p.state().host("crepes.fr")->queueCount(), 0u);
    ASSERT_NE(p.state().host("hamburger.edu"), nullptr);
    EXPECT_EQ(p.state().host("hamburger.edu")->mailboxCount(), 0u);

    // Back to the start and forward again: the same states at the same steps.
    QTest::keyClick(&window, Qt::Key_Home);
    for (std::size_t i = 0; i < states.size(); ++i) {
        QTest::keyClick(&window, Qt::Key_Right);
        ASSERT_EQ(p.state(), states[i]) << "step " << i;
    }
    // And stepping back lands on the same states too.
    for (std::size_t i = states.size() - 1; i > 0; --i) {
        QTest::keyClick(&window, Qt::Key_Left);
        ASSERT_EQ(p.state(), states[i - 1]) << "back to step " << i - 1;
    }
}

TEST_F(MainWindowTest, bobsMailboxFillsWhenTheMessageIsStoredAndEmptiesAtQuit) {
    const QString path = QString::fromStdString(netstage::test_support::scenarioPath("01-smtp-alice-to-bob"));
    ASSERT_TRUE(window.openFile(path));
    const Playback& p = *window.player().playback();
    const Transcript& transcript = p.transcript();
    std::size_t maxInMailbox = 0;
    QTest::keyClick(&window, Qt::Key_Home);
    for (std::size_t i = 0; i < transcript.messages.size(); ++i) {
        QTest::keyClick(&window, Qt::Key_Right);
        if (const HostState* host = p.state().host("hamburger.edu")) maxInMailbox = std::max(maxInMailbox, host->mailboxCount());
    }
    EXPECT_EQ(maxInMailbox, 1u);
}

}  // namespace netstage::gui

namespace netstage::gui {
namespace {

// Every transport button is at least as wide as its label needs.
void expectNoButtonIsCut(PlayerControls& controls) {
    for (const QToolButton* button : controls.findChildren<QToolButton*>()) {
        EXPECT_GE(button->width(), button->minimumSizeHint().width()) << button->text().toStdString();
    }
}

TEST(PlayerControls, aNarrowBarTakesShortLabelsAndNeverCutsOne) {
    QAction home{QStringLiteral("|\u25c0 Start")};
    QAction previous{QStringLiteral("\u25c0 Message")};
    QAction play{QStringLiteral("Play")};
    QAction next{QStringLiteral("Message \u25b6")};
    PlayerActions actions;
    actions.home = &home;
    actions.previousMessage = &previous;
    actions.playPause = &play;
    actions.nextMessage = &next;
    PlayerControls controls{actions};
    controls.setProgress(QStringLiteral("message 3 of 14"));

    controls.resize(2000, 120);
    controls.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&controls));
    EXPECT_FALSE(controls.isCompact());
    const QToolButton* homeButton = nullptr;
    for (const QToolButton* button : controls.findChildren<QToolButton*>()) {
        if (button->defaultAction() == &home) homeButton = button;
    }
    ASSERT_NE(homeButton, nullptr);
    EXPECT_EQ(homeButton->text(), QStringLiteral("|\u25c0 Start"));
    expectNoButtonIsCut(controls);

    controls.resize(controls.minimumWidth(), 120);
    QApplication::processEvents();
    EXPECT_TRUE(controls.isCompact());
    EXPECT_EQ(homeButton->text(), QStringLiteral("|\u25c0"));
    EXPECT_EQ(home.text(), QStringLiteral("|\u25c0 Start"));  // menus keep the long name
    expectNoButtonIsCut(controls);

    controls.resize(2000, 120);
    QApplication::processEvents();
    EXPECT_FALSE(controls.isCompact());
    EXPECT_EQ(homeButton->text(), QStringLiteral("|\u25c0 Start"));
    expectNoButtonIsCut(controls);
}

}  // namespace
}  // namespace netstage::gui
