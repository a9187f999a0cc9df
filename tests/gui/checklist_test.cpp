// The expectation checklist: a scenario's expectations, judged by
// simulator/expect as `netstage check` judges them, ticking as the player's
// cursor reaches the event that decided each, and a click that jumps there.

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QTest>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include "gui/checklist/checklist.hpp"
#include "gui/checklist/checklist_panel.hpp"
#include "gui/player/checklist_source.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/main_window.hpp"
#include "simulator/scenario/check_run.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/trace/json_lines_writer.hpp"
#include "tests/gui/sample_trace.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

namespace netstage::gui {
namespace {

using test_support::scenarioPath;

ChecklistEntry entryDecidedBy(bool passed, std::optional<std::size_t> record, std::optional<Time> time) {
    ChecklistEntry entry;
    entry.result.passed = passed;
    entry.result.record = record;
    entry.result.time = time;
    return entry;
}

TEST(ChecklistState, AnEntryIsPendingUntilItsDecidingRecordHasHappened) {
    const ChecklistEntry passing = entryDecidedBy(true, 5, Time::fromMilliseconds(30));
    EXPECT_EQ(stateAt(passing, {5, Time::fromMilliseconds(30), false}), EntryState::Pending);
    EXPECT_EQ(stateAt(passing, {6, Time::fromMilliseconds(30), false}), EntryState::Passed);
    const ChecklistEntry failing = entryDecidedBy(false, 5, Time::fromMilliseconds(30));
    EXPECT_EQ(stateAt(failing, {0, Time::zero(), false}), EntryState::Pending);
    EXPECT_EQ(stateAt(failing, {9, Time::fromSeconds(1), false}), EntryState::Failed);
}

TEST(ChecklistState, WithoutARecordTheTimeDecidesAndWithoutEitherTheEnd) {
    const ChecklistEntry timed = entryDecidedBy(true, std::nullopt, Time::fromSeconds(2));
    EXPECT_EQ(stateAt(timed, {100, Time::fromMilliseconds(1999), false}), EntryState::Pending);
    EXPECT_EQ(stateAt(timed, {100, Time::fromSeconds(2), false}), EntryState::Passed);
    const ChecklistEntry atEnd = entryDecidedBy(false, std::nullopt, std::nullopt);
    EXPECT_EQ(stateAt(atEnd, {100, Time::fromSeconds(9), false}), EntryState::Pending);
    EXPECT_EQ(stateAt(atEnd, {100, Time::fromSeconds(9), true}), EntryState::Failed);
}

class ChecklistWindow : public ::testing::Test {
protected:
    std::unique_ptr<MainWindow> window;

    void SetUp() override {
        MainWindow::Options options{false};
        options.checklist = defaultChecklistSource();
        window = std::make_unique<MainWindow>(defaultTraceSource(), options);
        window->resize(1600, 1000);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    ChecklistPanel& panel() { return window->panels().checklist(); }
    PlayerController& player() { return window->player(); }
};

TEST_F(ChecklistWindow, ListsTheScenariosExpectationsInItsOwnWordsAllPendingAtTheStart) {
    const std::string path = scenarioPath("01-smtp-alice-to-bob");
    ASSERT_TRUE(window->openFile(QString::fromStdString(path)));
    const scenario::ScenarioSpec spec = scenario::loadScenarioFile(path);
    ASSERT_TRUE(panel().checklist().has_value());
    ASSERT_EQ(panel().list().count(), static_cast<int>(spec.expectations.size()));
    for (std::size_t i = 0; i < spec.expectations.size(); ++i) {
        const QString row = panel().list().item(static_cast<int>(i))->text();
        EXPECT_TRUE(row.contains(QString::fromStdString(spec.expectations[i].describe()))) << row.toStdString();
        EXPECT_TRUE(row.contains(QString::fromStdString(spec.expectations[i].note))) << row.toStdString();
    }
    player().home();
    for (EntryState state : panel().states()) EXPECT_EQ(state, EntryState::Pending);
    EXPECT_EQ(panel().summary().text(),
              QStringLiteral("0 passed, 0 failed, %1 pending (of %1)").arg(spec.expectations.size()));
}

TEST_F(ChecklistWindow, TicksAsTheRunReachesEachExpectationAndAllPassAtTheEnd) {
    const std::string path = scenarioPath("01-smtp-alice-to-bob");
    ASSERT_TRUE(window->openFile(QString::fromStdString(path)));
    // The verdicts are exactly `netstage check`'s.
    const scenario::CheckedRun checked = scenario::checkScenario(scenario::loadScenarioFile(path));
    const auto& entries = panel().checklist()->entries;
    ASSERT_EQ(entries.size(), checked.results.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ(entries[i].result.actual, checked.results[i].actual);
        EXPECT_EQ(entries[i].result.record, checked.results[i].record);
    }
    // Halfway through, the first expectation (the message queued) is ticked and the last is not yet.
    ASSERT_TRUE(entries.front().result.record && entries.back().result.record);
    player().seekRecord(static_cast<qint64>(*entries.front().result.record));
    EXPECT_EQ(panel().states().front(), EntryState::Passed);
    EXPECT_EQ(panel().states().back(), EntryState::Pending);
    const auto said = [this](int row) { return panel().list().item(row)->data(Qt::AccessibleTextRole).toString(); };
    EXPECT_TRUE(said(0).startsWith(QStringLiteral("Passed: "))) << said(0).toStdString();
    EXPECT_TRUE(said(panel().list().count() - 1).startsWith(QStringLiteral("Pending: ")));
    player().end();
    for (EntryState state : panel().states()) EXPECT_EQ(state, EntryState::Passed);
}

TEST_F(ChecklistWindow, AClickJumpsToTheEventThatDecidedTheExpectation) {
    ASSERT_TRUE(window->openFile(QString::fromStdString(scenarioPath("05-ftp-session"))));
    ASSERT_TRUE(window->panels().showPanel(QStringLiteral("expectations")));
    const auto& entries = panel().checklist()->entries;
    for (int row = 0; row < static_cast<int>(entries.size()); ++row) {
        const auto& decided = entries[static_cast<std::size_t>(row)].result;
        ASSERT_TRUE(decided.record) << "row " << row;
        player().home();
        panel().list().scrollToItem(panel().list().item(row));
        QTest::mouseClick(panel().list().viewport(), Qt::LeftButton, {},
                          panel().list().visualItemRect(panel().list().item(row)).center());
        // Just after the deciding record: it has happened, the next has not.
        EXPECT_EQ(player().playback()->position(), *decided.record + 1) << "row " << row;
        EXPECT_EQ(panel().states()[static_cast<std::size_t>(row)], EntryState::Passed) << "row " << row;
    }
}

TEST_F(ChecklistWindow, AnExpectationTheRunBreaksIsCrossedWhenReachedWithWhatHappened) {
    test_support::TempDir dir;
    const auto copy = dir.file("bob-keeps-two.yaml");
    {
        std::ofstream out{copy};
        // One more expectation, at the end of the scenario's `expect:` list (the quiz follows it).
        std::string text = test_support::readSourceFile("scenarios/01-smtp-alice-to-bob.yaml");
        const std::size_t quiz = text.find("\nquiz:");
        ASSERT_NE(quiz, std::string::npos);
        text.insert(quiz + 1, "  - {mailbox: bob@hamburger.edu, count: 2, note: \"a wrong guess\"}\n");
        out << text;
    }
    ASSERT_TRUE(window->openFile(QString::fromStdString(copy.string())));
    const int last = panel().list().count() - 1;
    const auto& wrong = panel().checklist()->entries.back();
    ASSERT_FALSE(wrong.result.passed);
    ASSERT_TRUE(wrong.result.record.has_value());
    player().seekRecord(static_cast<qint64>(*wrong.result.record) - 1);
    EXPECT_EQ(panel().states().back(), EntryState::Pending);
    EXPECT_FALSE(panel().list().item(last)->text().contains(QString::fromStdString(wrong.result.actual)))
        << "a pending entry does not give its verdict away";
    player().end();
    EXPECT_EQ(panel().states().back(), EntryState::Failed);
    const QString row = panel().list().item(last)->text();
    EXPECT_TRUE(panel().list().item(last)->data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("Failed: ")));
    EXPECT_TRUE(row.contains(QStringLiteral("holds 0 messages"))) << row.toStdString();
    EXPECT_TRUE(panel().summary().text().contains(QStringLiteral("1 failed")));
}

TEST_F(ChecklistWindow, ASavedTraceHasNoChecklist) {
    ASSERT_TRUE(window->openFile(QString::fromStdString(scenarioPath("01-smtp-alice-to-bob"))));
    ASSERT_TRUE(panel().checklist().has_value());
    test_support::TempDir dir;
    const auto trace = dir.file("sample.jsonl");
    {
        std::ofstream out{trace, std::ios::binary};
        trace::JsonLinesWriter writer{out};
        trace::replay(testing::smtpSampleTrace(), writer);
    }
    ASSERT_TRUE(window->openFile(QString::fromStdString(trace.string())));
    EXPECT_FALSE(panel().checklist().has_value());
    EXPECT_EQ(panel().list().count(), 0);
    EXPECT_TRUE(panel().summary().text().startsWith(QStringLiteral("No expectations")));
}

TEST_F(ChecklistWindow, TheViewMenuAndPanelOptionShowTheChecklist) {
    EXPECT_FALSE(window->panels().checklistDock().isVisible());
    EXPECT_TRUE(window->panels().showPanel(QStringLiteral("expectations")));
    EXPECT_TRUE(window->panels().checklistDock().isVisible());
    window->panels().checklistDock().toggleViewAction()->trigger();
    EXPECT_FALSE(window->panels().checklistDock().isVisible());
}

}  // namespace
}  // namespace netstage::gui
