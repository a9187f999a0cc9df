// File > Open Recent (RecentFiles): newest first, each file once, at most
// eight, by absolute path; the submenu names each file and opens it; the list
// is kept in the settings only when the window is told to remember.
#include <QAction>
#include <QDir>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <gtest/gtest.h>

#include "gui/window/recent_files.hpp"

namespace netstage::gui {
namespace {

class RecentFilesTest : public ::testing::Test {
protected:
    void SetUp() override { QSettings{}.remove(QStringLiteral("recentFiles")); }
    void TearDown() override { QSettings{}.remove(QStringLiteral("recentFiles")); }

    QMenu& submenu() {
        const QList<QAction*> actions = file.actions();
        EXPECT_EQ(actions.size(), 1);
        return *actions.front()->menu();
    }

    QMenu file;
};

QStringList texts(const QMenu& menu) {
    QStringList result;
    for (const QAction* action : menu.actions()) result << action->text();
    return result;
}

TEST_F(RecentFilesTest, theNewestComesFirstEachFileOnceAndAtMostEight) {
    RecentFiles recent{file, false};
    EXPECT_TRUE(recent.files().isEmpty());
    EXPECT_EQ(submenu().title(), QStringLiteral("Open &Recent"));
    EXPECT_FALSE(submenu().isEnabled());

    recent.add(QStringLiteral("/tmp/a.yaml"));
    recent.add(QStringLiteral("/tmp/b.jsonl"));
    recent.add(QStringLiteral("/tmp/a.yaml"));
    EXPECT_EQ(recent.files(), (QStringList{QStringLiteral("/tmp/a.yaml"), QStringLiteral("/tmp/b.jsonl")}));
    EXPECT_TRUE(submenu().isEnabled());
    EXPECT_EQ(texts(submenu()), (QStringList{QStringLiteral("a.yaml"), QStringLiteral("b.jsonl")}));
    EXPECT_EQ(submenu().actions().front()->toolTip(), QStringLiteral("/tmp/a.yaml"));

    for (int i = 0; i < 10; ++i) recent.add(QStringLiteral("/tmp/%1.yaml").arg(i));
    ASSERT_EQ(recent.files().size(), RecentFiles::maxFiles);
    EXPECT_EQ(recent.files().front(), QStringLiteral("/tmp/9.yaml"));
    EXPECT_EQ(recent.files().back(), QStringLiteral("/tmp/2.yaml"));
    EXPECT_EQ(submenu().actions().size(), RecentFiles::maxFiles);
}

TEST_F(RecentFilesTest, aRelativePathIsKeptAbsolute) {
    RecentFiles recent{file, false};
    recent.add(QStringLiteral("relative.yaml"));
    EXPECT_EQ(recent.files(), QStringList{QDir::current().absoluteFilePath(QStringLiteral("relative.yaml"))});
}

TEST_F(RecentFilesTest, anEntryOfTheSubmenuAsksForItsFile) {
    RecentFiles recent{file, false};
    recent.add(QStringLiteral("/tmp/first.yaml"));
    recent.add(QStringLiteral("/tmp/second.yaml"));
    QSignalSpy chosen{&recent, &RecentFiles::chosen};
    submenu().actions().at(1)->trigger();
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosen[0][0].toString(), QStringLiteral("/tmp/first.yaml"));
}

TEST_F(RecentFilesTest, theListIsKeptInTheSettingsOnlyWhenRemembering) {
    {
        RecentFiles forgetful{file, false};
        forgetful.add(QStringLiteral("/tmp/not-kept.yaml"));
    }
    EXPECT_FALSE(QSettings{}.contains(QStringLiteral("recentFiles")));
    {
        QMenu other;
        RecentFiles remembering{other, true};
        remembering.add(QStringLiteral("/tmp/kept.yaml"));
    }
    EXPECT_EQ(QSettings{}.value(QStringLiteral("recentFiles")).toStringList(), QStringList{QStringLiteral("/tmp/kept.yaml")});
    QMenu again;
    RecentFiles next{again, true};
    EXPECT_EQ(next.files(), QStringList{QStringLiteral("/tmp/kept.yaml")});
    EXPECT_TRUE(again.actions().front()->menu()->isEnabled());
}

}  // namespace
}  // namespace netstage::gui
