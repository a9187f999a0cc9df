// The window serving scenario 01 live, with a real client on a loopback
// socket typing the lecture's dialogue: the views grow as it talks, the
// cursor follows the present, pausing holds the client's bytes back without
// losing them, and stopping leaves a complete trace.

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "gui/events/event_list_panel.hpp"
#include "gui/events/event_table_model.hpp"
#include "gui/model/document_source.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/live_session.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/widgets/error_dialog.hpp"
#include "gui/widgets/player_controls.hpp"
#include "gui/widgets/transcript_model.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/export_actions.hpp"
#include "gui/window/live_actions.hpp"
#include "gui/window/main_window.hpp"
#include "tests/gui/process_until.hpp"
#include "tests/live/serving_world.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::gui {
namespace {

using test_support::LineClient;

using test_support::processUntil;

class LiveModeTest : public ::testing::Test {
protected:
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<LineClient> client;

    void SetUp() override {
        window = std::make_unique<MainWindow>(defaultTraceSource(), MainWindow::Options{false});
        window->resize(1600, 1000);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    void TearDown() override {
        client.reset();
        window.reset();
    }

    void serve(Speed speed = Speed::unlimited()) {
        LiveSessionOptions options;
        options.ports = {"hamburger.edu:25=0"};
        options.speed = speed;
        const QString path = QString::fromStdString(test_support::scenarioPath("01-smtp-alice-to-bob"));
        ASSERT_TRUE(window->live().serve(path, options));
        ASSERT_NE(window->live().session(), nullptr);
        ASSERT_EQ(window->live().session()->ports().size(), 1U);
        client = std::make_unique<LineClient>(window->live().session()->ports().front().localPort);
        ASSERT_TRUE(client->connected());
    }

    // A line from the server, while the window keeps serving (the client waits
    // at most 2 ms at a time: its deadline is counted in whole milliseconds).
    std::optional<std::string> line() {
        std::optional<std::string> got;
        processUntil([&] { return (got = client->line(std::chrono::milliseconds{2})).has_value(); });
        return got;
    }

    std::vector<std::string> transcriptRows() {
        std::vector<std::string> rows;
        TranscriptModel& model = window->transcriptModel();
        for (int row = 0; row < model.rowCount(); ++row) {
            rows.push_back(model.data(model.index(row), Qt::DisplayRole).toString().toStdString());
        }
        return rows;
    }

    // The rows of the visitor's connection: its header ("# you (...) -> hamburger.edu ...") and its lines.
    std::vector<std::string> visitorsRows() {
        std::vector<std::string> mine;
        bool inside = false;
        for (const std::string& row : transcriptRows()) {
            if (row.rfind("# ", 0) == 0) inside = row.rfind("# you (", 0) == 0 && row.find("hamburger.edu") != std::string::npos;
            if (inside) mine.push_back(row);
        }
        return mine;
    }

    bool visitorSaid(const std::string& text) {
        for (const std::string& row : visitorsRows()) {
            if (row == text) return true;
        }
        return false;
    }

    PlayerControls::LiveMarker marker() { return window->controls().liveMarker(); }
};

TEST_F(LiveModeTest, aRealClientsDialogueAppearsInTheTranscriptAndEventListAsItHappens) {
    serve();
    EXPECT_TRUE(window->player().isLive());
    EXPECT_TRUE(window->player().isFollowing());
    EXPECT_EQ(marker(), PlayerControls::LiveMarker::Following);
    EXPECT_TRUE(window->controls().liveButton()->isVisible());
    EXPECT_TRUE(window->controls().liveButton()->text().contains(QStringLiteral("LIVE")));

    QSignalSpy resets{&window->transcriptModel(), &QAbstractItemModel::modelReset};
    QSignalSpy inserts{&window->transcriptModel(), &QAbstractItemModel::rowsInserted};
    EXPECT_EQ(line(), "220 hamburger.edu");
    client->send("HELO crepes.fr\r\n");
    EXPECT_EQ(line(), "250 Hello crepes.fr, pleased to meet you");
    ASSERT_TRUE(processUntil([&] { return visitorSaid("C: HELO crepes.fr"); }));
    EXPECT_TRUE(visitorSaid("S: 220 hamburger.edu"));
    EXPECT_TRUE(visitorSaid("S: 250 Hello crepes.fr, pleased to meet you"));
    // The views grew by insertion, not by starting over.
    EXPECT_EQ(resets.count(), 0);
    EXPECT_GT(inserts.count(), 0);

    // The event list has every record, among them the bridge's (the client's input).
    const Playback& playback = *window->player().playback();
    EventTableModel& events = window->panels().events().model();
    ASSERT_TRUE(processUntil([&] { return static_cast<std::size_t>(events.rowCount()) == playback.log().records.size(); }));
    bool bridged = false;
    for (int row = 0; row < events.rowCount(); ++row) bridged = bridged || events.layerOfRow(row) == QLatin1String("bridge");
    EXPECT_TRUE(bridged);

    // Following: the cursor is at the present, every record has happened.
    EXPECT_TRUE(window->player().isFollowing());
    EXPECT_EQ(playback.position(), playback.log().records.size());
}

TEST_F(LiveModeTest, steppingBackLeavesFollowModeAndEndReturnsToIt) {
    serve();
    EXPECT_EQ(line(), "220 hamburger.edu");
    client->send("HELO crepes.fr\r\n");
    EXPECT_EQ(line(), "250 Hello crepes.fr, pleased to meet you");
    ASSERT_TRUE(processUntil([&] { return visitorSaid("S: 250 Hello crepes.fr, pleased to meet you"); }));

    QTest::keyClick(window.get(), Qt::Key_Left);  // previous message
    EXPECT_FALSE(window->player().isFollowing());
    EXPECT_EQ(marker(), PlayerControls::LiveMarker::Behind);
    const std::size_t heldAt = window->player().playback()->position();
    EXPECT_LT(heldAt, window->player().playback()->log().records.size());
    // The world goes on; the cursor stays in the past.
    client->send("NOOP\r\n");
    EXPECT_TRUE(line().has_value());
    QTest::qWait(50);
    EXPECT_EQ(window->player().playback()->position(), heldAt);
    EXPECT_TRUE(window->controls().liveButton()->isVisible());

    QTest::keyClick(window.get(), Qt::Key_End);
    EXPECT_TRUE(window->player().isFollowing());
    EXPECT_EQ(marker(), PlayerControls::LiveMarker::Following);
    EXPECT_EQ(window->player().playback()->position(), window->player().playback()->log().records.size());

    // The marker's button returns to the present too.
    window->player().previousMessage();
    EXPECT_FALSE(window->player().isFollowing());
    window->controls().liveButton()->click();
    EXPECT_TRUE(window->player().isFollowing());
}

TEST_F(LiveModeTest, pausingHoldsWhatTheClientSendsAndResumingLetsItInWithNothingLost) {
    serve();
    EXPECT_EQ(line(), "220 hamburger.edu");
    client->send("HELO crepes.fr\r\n");
    EXPECT_EQ(line(), "250 Hello crepes.fr, pleased to meet you");

    QTest::keyClick(window.get(), Qt::Key_Space);  // Pause: the world stops
    ASSERT_TRUE(window->live().session()->isPaused());
    EXPECT_EQ(marker(), PlayerControls::LiveMarker::Paused);
    const Time frozen = window->live().session()->now();
    client->send("MAIL FROM: <alice@crepes.fr>\r\n");
    // Meanwhile nothing of it enters the world, and no reply comes.
    EXPECT_FALSE(processUntil([&] { return visitorSaid("C: MAIL FROM: <alice@crepes.fr>"); }, 300));
    EXPECT_FALSE(client->line(std::chrono::milliseconds{50}).has_value());
    EXPECT_EQ(window->live().session()->now(), frozen);

    QTest::keyClick(window.get(), Qt::Key_Space);  // Resume
    EXPECT_FALSE(window->live().session()->isPaused());
    EXPECT_EQ(line(), "250 alice@crepes.fr... Sender ok");
    ASSERT_TRUE(processUntil([&] { return visitorSaid("C: MAIL FROM: <alice@crepes.fr>"); }));
    EXPECT_EQ(marker(), PlayerControls::LiveMarker::Following);
}

TEST_F(LiveModeTest, stoppingLeavesACompleteTraceThatSavesAndReadsBack) {
    serve();
    EXPECT_EQ(line(), "220 hamburger.edu");
    client->send("HELO crepes.fr\r\nQUIT\r\n");
    EXPECT_EQ(line(), "250 Hello crepes.fr, pleased to meet you");
    EXPECT_EQ(line(), "221 hamburger.edu closing connection");

    window->live().stop();
    EXPECT_FALSE(window->player().isLive());
    EXPECT_FALSE(window->live().isServing());
    EXPECT_EQ(marker(), PlayerControls::LiveMarker::Off);
    EXPECT_FALSE(window->controls().liveButton()->isVisible());
    EXPECT_TRUE(visitorSaid("C: QUIT"));

    // An ordinary trace now: saved as JSON Lines, it reads back the same.
    const Playback& playback = *window->player().playback();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live.jsonl"));
    ASSERT_TRUE(window->exports().saveTraceTo(path));
    LoadResult read = readTraceFile(path.toStdString());
    ASSERT_TRUE(std::holds_alternative<trace::TraceLog>(read));
    const auto& saved = std::get<trace::TraceLog>(read);
    EXPECT_EQ(saved.records.size(), playback.log().records.size());
    EXPECT_TRUE(saved == playback.log());
    EXPECT_GE(saved.end, trace::timeOf(saved.records.back()));
    // And it plays like any other: from the start to the end.
    window->player().home();
    EXPECT_EQ(window->player().playback()->position(), 0U);
    window->player().end();
    EXPECT_FALSE(window->player().isFollowing());
    EXPECT_EQ(window->player().playback()->position(), saved.records.size());
}

TEST_F(LiveModeTest, aPortInUseIsAClearMessageAndNothingStarts) {
    serve();
    const std::uint16_t taken = window->live().session()->ports().front().localPort;
    MainWindow second{defaultTraceSource(), MainWindow::Options{false}};
    LiveSessionOptions options;
    options.ports = {"hamburger.edu:25=" + std::to_string(taken)};
    const QString path = QString::fromStdString(test_support::scenarioPath("01-smtp-alice-to-bob"));
    EXPECT_FALSE(second.live().serve(path, options));
    EXPECT_FALSE(second.live().isServing());
    EXPECT_EQ(second.player().playback(), nullptr);
    ASSERT_NE(second.errorBox(), nullptr);
    EXPECT_TRUE(second.errorBox()->text().contains(QString::number(taken))) << second.errorBox()->text().toStdString();
    EXPECT_TRUE(second.errorBox()->text().contains(QStringLiteral("--port")));
}

}  // namespace
}  // namespace netstage::gui
