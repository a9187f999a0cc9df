#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

#include "gui/player/player_controller.hpp"
#include "gui/widgets/host_model.hpp"
#include "gui/widgets/look.hpp"
#include "gui/widgets/transcript_model.hpp"
#include "tests/gui/sample_trace.hpp"

namespace netstage::gui {
namespace {

using Tester = QAbstractItemModelTester;

TEST(TranscriptModel, passesTheModelTesterWhileTheCursorMoves) {
    Playback playback{testing::smtpSampleTrace()};
    TranscriptModel model;
    Tester tester{&model, Tester::FailureReportingMode::Fatal};
    model.setTranscript(&playback.transcript());
    EXPECT_EQ(model.rowCount(), static_cast<int>(testing::smtpSampleMessages + 1));
    while (playback.nextMessage()) model.setCurrentMessage(playback.currentMessage());
    while (playback.previousMessage()) model.setCurrentMessage(playback.currentMessage());
    model.setTranscript(nullptr);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(TranscriptModel, highlightsTheCurrentLineAndGreysTheLinesToCome) {
    Playback playback{testing::smtpSampleTrace()};
    TranscriptModel model;
    model.setTranscript(&playback.transcript());
    QSignalSpy changed{&model, &QAbstractItemModel::dataChanged};
    playback.seekMessage(2);
    model.setCurrentMessage(playback.currentMessage());
    EXPECT_EQ(changed.count(), 1);
    const QModelIndex current = model.currentIndex();
    ASSERT_TRUE(current.isValid());
    EXPECT_EQ(current.data().toString(), QStringLiteral("S: 250 Hello crepes.fr, pleased to meet you"));
    EXPECT_TRUE(current.data(TranscriptModel::IsCurrentRole).toBool());
    EXPECT_EQ(current.data(Qt::BackgroundRole).value<QBrush>().color(), look::highlight());
    EXPECT_FALSE(model.index(current.row() - 1).data(TranscriptModel::IsFutureRole).toBool());
    EXPECT_TRUE(model.index(current.row() + 1).data(TranscriptModel::IsFutureRole).toBool());
    EXPECT_TRUE(model.index(0).data(TranscriptModel::IsHeaderRole).toBool());
    EXPECT_EQ(model.index(0).data().toString(),
              QStringLiteral("# crepes.fr (10.0.1.2:49152) -> hamburger.edu (10.0.2.10:25) SMTP"));
    EXPECT_GE(model.index(1).data(Qt::FontRole).value<QFont>().pointSize(), 14);
}

TEST(TranscriptModel, showsANoteInItalicsAsNeitherPlayedNorToCome) {
    auto log = testing::smtpSampleTrace();
    log.records.emplace_back(trace::Event{trace::timeOf(log.records.back()), "alice-pc", "mail", "submit-failed",
                                          {{"message", std::string{"alice@crepes.fr#1"}},
                                           {"reply", std::string{"550 No such user here"}}}});
    Playback playback{std::move(log)};
    TranscriptModel model;
    model.setTranscript(&playback.transcript());
    model.setCurrentMessage(std::nullopt);
    const QModelIndex note = model.index(model.rowCount() - 1);
    EXPECT_EQ(note.data().toString(), QStringLiteral("alice-pc: message alice@crepes.fr#1 not sent: 550 No such user here"));
    EXPECT_FALSE(note.data(TranscriptModel::IsHeaderRole).toBool());
    EXPECT_FALSE(note.data(TranscriptModel::IsCurrentRole).toBool());
    EXPECT_FALSE(note.data(TranscriptModel::IsFutureRole).toBool());
    EXPECT_FALSE(note.data(TranscriptModel::MessageRole).isValid());
    EXPECT_TRUE(note.data(Qt::FontRole).value<QFont>().italic());
}

TEST(HostModel, passesTheModelTesterWhileTheCursorMoves) {
    Playback playback{testing::smtpSampleTrace()};
    HostModel model;
    Tester tester{&model, Tester::FailureReportingMode::Fatal};
    for (const char* host : {"hamburger.edu", "crepes.fr", "router", "nobody"}) {
        model.setHost(QString::fromLatin1(host));
        playback.home();
        model.refresh(&playback);
        while (playback.nextPacket()) model.refresh(&playback);
    }
    model.refresh(nullptr);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(HostModel, showsMailboxesQueueAndConnectionsAsOfTheCursor) {
    Playback playback{testing::smtpSampleTrace()};
    HostModel model;
    model.setHost(QStringLiteral("hamburger.edu"));
    playback.seekMessage(0);
    model.refresh(&playback);
    const auto rowsText = [&model] {
        QStringList rows;
        for (int r = 0; r < model.rowCount(); ++r) {
            rows << model.index(r, 0).data().toString().trimmed() + QStringLiteral(" | ") + model.index(r, 1).data().toString();
        }
        return rows;
    };
    EXPECT_TRUE(rowsText().contains(QStringLiteral(":25 \u2192 10.0.1.2:49152 | ESTABLISHED"))) << rowsText().join('\n').toStdString();
    EXPECT_TRUE(rowsText().contains(QStringLiteral("Mailboxes | 0 messages")));
    playback.end();
    model.refresh(&playback);
    EXPECT_TRUE(rowsText().contains(QStringLiteral("bob | 1 message"))) << rowsText().join('\n').toStdString();
    EXPECT_TRUE(rowsText().contains(QStringLiteral(":25 \u2192 10.0.1.2:49152 | TIME-WAIT")));
}

}  // namespace
}  // namespace netstage::gui
