// The player's quiz on scenario 01: it pauses before the event a question
// names, keeps the cursor there until answered, reveals what happened, plays
// on, scores at the end, does not ask again after seeking back; presentation
// mode hides the answer until Reveal.
#include <QAbstractButton>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <gtest/gtest.h>

#include <memory>

#include "gui/model/playback.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/quiz/quiz_panel.hpp"
#include "gui/quiz/quiz_pauser.hpp"
#include "gui/widgets/theme_controller.hpp"
#include "gui/widgets/transcript_model.hpp"
#include "gui/window/main_window.hpp"
#include "simulator/scenario/quiz_run.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::gui {
namespace {

class QuizTest : public ::testing::Test {
protected:
    QPalette original = QApplication::palette();
    std::unique_ptr<MainWindow> window;

    void open(bool askQuizzes) {
        QApplication::setPalette(ThemeController::lightPalette());
        MainWindow::Options options;
        options.rememberRecentFiles = false;
        options.askQuizzes = askQuizzes;
        window = std::make_unique<MainWindow>(defaultTraceSource(), options);
        window->resize(1400, 900);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        const auto path = test_support::sourceDir() / "scenarios" / "01-smtp-alice-to-bob.yaml";
        ASSERT_TRUE(window->openFile(QString::fromStdString(path.string())));
    }

    void TearDown() override {
        window.reset();
        QApplication::setPalette(original);
    }

    QuizPanel& panel() { return *window->quizPanel(); }
    QuizPauser& quiz() { return *window->quiz(); }
    std::size_t position() { return window->player().playback()->position(); }
    // The record just before the cursor: the last thing that has happened.
    std::string lastHappened() {
        const auto& records = window->player().playback()->log().records;
        return scenario::describeEvent(std::get<trace::Event>(records[position() - 1]));
    }
};

TEST_F(QuizTest, PausesBeforeTheEventAndPlaysOnAfterTheAnswer) {
    open(true);
    ASSERT_EQ(quiz().questionCount(), 2u);
    EXPECT_FALSE(panel().isVisible());
    window->player().seekMessage(30);  // well past hamburger.edu's reply to RCPT TO
    ASSERT_TRUE(quiz().openQuestion().has_value());
    EXPECT_EQ(*quiz().openQuestion(), 0u);
    EXPECT_TRUE(panel().isVisible());
    EXPECT_FALSE(window->player().isPlaying());
    // The command has happened, the reply not yet.
    EXPECT_EQ(lastHappened(), "C: RCPT TO: <bob@hamburger.edu>");
    EXPECT_TRUE(window->transcriptModel().futureHidden());
    EXPECT_NE(panel().shownText().indexOf(QStringLiteral("What will hamburger.edu answer?")), -1);
    ASSERT_EQ(panel().choiceButtons().size(), 4u);

    // Stepping on does not skip the question.
    const std::size_t pinned = position();
    window->player().nextMessage();
    EXPECT_EQ(position(), pinned);

    panel().choiceButtons()[0]->click();
    panel().answerButton()->click();
    EXPECT_EQ(quiz().right(), 1u);
    EXPECT_FALSE(window->transcriptModel().futureHidden());
    const QString revealed = panel().shownText();
    EXPECT_NE(revealed.indexOf(QStringLiteral("Right.")), -1) << revealed.toStdString();
    EXPECT_NE(revealed.indexOf(QStringLiteral("S: 250 bob@hamburger.edu ... Recipient ok")), -1) << revealed.toStdString();
    EXPECT_NE(revealed.indexOf(QStringLiteral("SMTP answers every command")), -1) << revealed.toStdString();
    EXPECT_NE(revealed.indexOf(QStringLiteral("Score: 1 of 1")), -1) << revealed.toStdString();

    panel().continueButton()->click();
    EXPECT_TRUE(window->player().isPlaying());
    EXPECT_FALSE(quiz().openQuestion().has_value());
    window->player().pause();

    // The second question, a short answer, answered wrong.
    window->player().end();
    ASSERT_TRUE(quiz().openQuestion().has_value());
    EXPECT_EQ(*quiz().openQuestion(), 1u);
    ASSERT_TRUE(panel().answerLine()->isVisible());
    panel().answerLine()->setText(QStringLiteral("imap"));
    QTest::keyClick(panel().answerLine(), Qt::Key_Return);
    EXPECT_NE(panel().shownText().indexOf(QStringLiteral("Not quite.")), -1);
    EXPECT_NE(panel().shownText().indexOf(QStringLiteral("mail stored")), -1) << panel().shownText().toStdString();
    panel().continueButton()->click();
    window->player().pause();
    EXPECT_NE(panel().shownText().indexOf(QStringLiteral("Score: 1 of 2")), -1) << panel().shownText().toStdString();
    panel().continueButton()->click();  // Close
    EXPECT_FALSE(panel().isVisible());

    // Back to the start and past both events again: answered questions are not asked twice.
    window->player().home();
    window->player().end();
    EXPECT_FALSE(quiz().openQuestion().has_value());
    EXPECT_FALSE(panel().isVisible());
    EXPECT_EQ(quiz().right(), 1u);
}

TEST_F(QuizTest, PresentationModeHidesTheAnswerUntilReveal) {
    open(true);
    window->setPresentationMode(true);
    window->player().seekMessage(30);
    ASSERT_TRUE(quiz().openQuestion().has_value());
    EXPECT_EQ(panel().answerButton()->text(), QStringLiteral("Reveal (R)"));
    for (QAbstractButton* b : panel().choiceButtons()) EXPECT_FALSE(b->isEnabled());
    EXPECT_EQ(panel().shownText().indexOf(QStringLiteral("Recipient ok")), -1);
    panel().answerButton()->click();
    const QString revealed = panel().shownText();
    EXPECT_NE(revealed.indexOf(QStringLiteral("Recipient ok")), -1) << revealed.toStdString();
    EXPECT_EQ(revealed.indexOf(QStringLiteral("Score")), -1) << "the class answered aloud: nothing to score";
    window->setPresentationMode(false);
}

TEST_F(QuizTest, WithoutQuizzesThePlayerNeverPauses) {
    open(false);
    EXPECT_EQ(quiz().questionCount(), 0u);
    window->player().end();
    EXPECT_FALSE(quiz().openQuestion().has_value());
    EXPECT_TRUE(window->player().playback()->atEnd());
}

}  // namespace
}  // namespace netstage::gui
