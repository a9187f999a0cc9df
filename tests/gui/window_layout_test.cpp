// The window's layout: nothing a file contains sizes the window, long lines
// wrap instead of being cut, and the network fits whatever space it has.
#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QListView>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "gui/player/default_trace_source.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/scene/node_item.hpp"
#include "gui/scene/topology_scene.hpp"
#include "gui/scene/topology_view.hpp"
#include "gui/widgets/narration_bar.hpp"
#include "gui/widgets/wrapping_delegate.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/main_window.hpp"
#include "simulator/trace/json_lines_writer.hpp"
#include "tests/gui/sample_trace.hpp"
#include "tests/gui/window_with_files.hpp"
#include "tests/support/source_files.hpp"

namespace netstage::gui {
namespace {

const QString scenario01 = QString::fromStdString(netstage::test_support::scenarioPath("01-smtp-alice-to-bob"));

std::string readText(const QString& path) {
    std::ifstream in{path.toStdString(), std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, {}};
}

class WindowLayoutTest : public testing::WindowWithFiles {
protected:
    void SetUp() override {
        window.resize(1200, 800);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    }

    void settle() {
        for (int i = 0; i < 3; ++i) QApplication::processEvents();
    }
};

TEST_F(WindowLayoutTest, aTitleOfTenThousandLettersWithoutSpacesKeepsTheWindowsSize) {
    std::string yaml = readText(scenario01);
    const auto title = yaml.find("\ntitle:");
    ASSERT_NE(title, std::string::npos);
    const auto end = yaml.find('\n', title + 1);
    yaml.replace(title + 1, end - title - 1, "title: " + std::string(10'000, 'W'));
    const QString path = write(QStringLiteral("long-title.yaml"), yaml);
    ASSERT_TRUE(window.openFile(path));
    settle();
    ASSERT_EQ(window.narration().text().size(), 10'000) << "the title is narrated before the first caption";
    EXPECT_EQ(window.size(), QSize(1200, 800));
    QElapsedTimer timer;
    timer.start();
    const QPixmap shot = window.grab();
    EXPECT_EQ(shot.deviceIndependentSize().toSize(), window.size()) << "the picture has the window's size";
    EXPECT_LT(timer.elapsed(), 5000);
    // Wrapped to the bar, three lines at most, none wider than the bar.
    const QStringList lines = window.narration().shownLines();
    EXPECT_GE(lines.size(), 2);
    EXPECT_LE(lines.size(), NarrationBar::maxLines);
    const QFontMetrics metrics{window.narration().font()};
    for (const QString& line : lines) EXPECT_LE(metrics.horizontalAdvance(line), window.narration().width());
    EXPECT_TRUE(lines.back().endsWith(QChar{0x2026})) << "what does not fit is cut with an ellipsis";
    EXPECT_LT(window.windowTitle().size(), 200);
}

TEST_F(WindowLayoutTest, aLongHostNameDoesNotWidenTheWindow) {
    std::string yaml = readText(scenario01);
    // The longest name RFC 1123 allows (253 octets in labels of 63): far wider
    // than the window if anything sized itself from it.
    const std::string label(63, 'h');
    const std::string longName = label + '.' + label + '.' + label + '.' + std::string(61, 'h');
    for (std::size_t at = yaml.find("bob-pc"); at != std::string::npos; at = yaml.find("bob-pc", at + longName.size())) {
        yaml.replace(at, 6, longName);
    }
    const QString path = write(QStringLiteral("long-host.yaml"), yaml);
    ASSERT_TRUE(window.openFile(path)) << "the scenario still runs";
    window.scene().selectHost(QString::fromStdString(longName));
    settle();
    EXPECT_EQ(window.size(), QSize(1200, 800));
}

// The lecture's SMTP sample with one line of 3,000 characters without a
// space (a base64 body line) just before the server's last reply.
trace::TraceLog traceWithALongLine(std::string& followingReply) {
    trace::TraceLog log = testing::smtpSampleTrace();
    trace::Event* previous = nullptr;
    const auto textOf = [](trace::Event& event) -> std::string* {
        for (auto& [name, value] : event.fields) {
            if (name == "text") return std::get_if<std::string>(&value);
        }
        return nullptr;
    };
    for (auto& record : log.records) {
        auto* event = std::get_if<trace::Event>(&record);
        if (event == nullptr || event->type != "line" || textOf(*event) == nullptr) continue;
        if (textOf(*event)->starts_with("250 Message accepted") && previous != nullptr) {
            *textOf(*previous) = std::string(3000, 'Q');
            followingReply = *textOf(*event);
            break;
        }
        previous = event;
    }
    return log;
}

TEST_F(WindowLayoutTest, theTranscriptWrapsEveryLineAfterALongUnbrokenOne) {
    std::string reply;
    std::ostringstream json;
    {
        trace::JsonLinesWriter writer{json};
        trace::replay(traceWithALongLine(reply), writer);
    }
    ASSERT_FALSE(reply.empty());
    ASSERT_TRUE(window.openFile(write(QStringLiteral("long-line.jsonl"), json.str())));
    window.player().end();
    settle();
    QListView& view = window.transcriptView();
    const int width = view.viewport()->width();
    ASSERT_GT(width, 100);
    EXPECT_EQ(view.horizontalScrollBar()->maximum(), 0) << "nothing reaches past the panel's right edge";
    const QAbstractItemModel& model = *view.model();
    int longRow = -1;
    int replyRow = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = model.index(row, 0).data().toString();
        if (text.contains(QString(3000, QLatin1Char('Q')))) longRow = row;
        if (text.endsWith(QString::fromStdString(reply))) replyRow = row;
        const QRect rect = view.visualRect(model.index(row, 0));
        EXPECT_LE(rect.width(), width) << "row " << row << ": " << text.left(60).toStdString();
    }
    ASSERT_GE(longRow, 0);
    ASSERT_GT(replyRow, longRow);
    // The long line takes as many lines as it needs, and the reply after it
    // is whole: every wrapped line of it inside its row.
    const QFont font = model.index(longRow, 0).data(Qt::FontRole).value<QFont>();
    const QFontMetrics metrics{font};
    const int needed = metrics.horizontalAdvance(QString(3000, QLatin1Char('Q'))) / width;
    EXPECT_GE(view.visualRect(model.index(longRow, 0)).height(), needed * metrics.lineSpacing());
    const QRect replyRect = view.visualRect(model.index(replyRow, 0));
    const QFont replyFont = model.index(replyRow, 0).data(Qt::FontRole).value<QFont>();
    const QStringList replyLines = WrappingDelegate::wrap(model.index(replyRow, 0).data().toString(), replyFont,
                                                          replyRect.width() - 2 * WrappingDelegate::margin);
    EXPECT_LE(static_cast<int>(replyLines.size()) * QFontMetrics{replyFont}.lineSpacing(), replyRect.height());
    for (const QString& line : replyLines) {
        EXPECT_LE(QFontMetrics{replyFont}.horizontalAdvance(line), replyRect.width()) << line.toStdString();
    }
}

TEST_F(WindowLayoutTest, theHostPanelWrapsAddressesAndNamesInsteadOfCuttingThem) {
    ASSERT_TRUE(window.openFile(scenario01));
    window.player().end();
    window.scene().selectHost(QStringLiteral("hamburger.edu"));
    // The side panel at its narrowest.
    window.resize(900, 800);
    settle();
    QTableView& table = window.hostView();
    EXPECT_EQ(table.textElideMode(), Qt::ElideNone);
    const QAbstractItemModel& model = *table.model();
    int checked = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            const QString text = index.data().toString();
            if (text.isEmpty()) continue;
            const QRect cell = table.visualRect(index);
            const QFont font = index.data(Qt::FontRole).value<QFont>();
            const QStringList lines = WrappingDelegate::wrap(text, font, cell.width() - 2 * WrappingDelegate::margin);
            EXPECT_LE(static_cast<int>(lines.size()) * QFontMetrics{font}.lineSpacing(), cell.height() - 2 * WrappingDelegate::margin)
                << "row " << row << " column " << column << ": " << text.toStdString();
            EXPECT_EQ(lines.join(QString{}), text) << "every character is drawn";
            ++checked;
        }
    }
    EXPECT_GT(checked, 5);
}

bool everyNodeInside(MainWindow& window) {
    const TopologyView& view = window.topologyView();
    const QRect viewport = view.viewport()->rect();
    for (const NodeItem* node : window.scene().nodeItems()) {
        const QRect shown = view.mapFromScene(node->mapRectToScene(node->occupiedRect())).boundingRect();
        if (!viewport.contains(shown)) return false;
    }
    return true;
}

TEST_F(WindowLayoutTest, theNetworkFitsItsViewWhenTheChartOpensBesideIt) {
    window.resize(2000, 1000);
    ASSERT_TRUE(window.openFile(scenario01));
    settle();
    EXPECT_TRUE(everyNodeInside(window));
    window.panels().showPanel(QStringLiteral("chart"));
    settle();
    EXPECT_TRUE(everyNodeInside(window)) << "alice-pc and every other node still in sight";
    window.resize(1000, 700);
    settle();
    EXPECT_TRUE(everyNodeInside(window));
}

TEST_F(WindowLayoutTest, aZoomedNetworkKeepsItsZoomUntilFitAgain) {
    ASSERT_TRUE(window.openFile(scenario01));
    settle();
    TopologyView& view = window.topologyView();
    const qreal fitted = view.transform().m11();
    view.zoomBy(2, view.viewport()->rect().center());
    EXPECT_TRUE(view.userZoomed());
    EXPECT_NEAR(view.transform().m11(), 2 * fitted, 1e-9);
    window.resize(1400, 900);
    settle();
    EXPECT_NEAR(view.transform().m11(), 2 * fitted, 1e-9) << "a resize does not undo the user's zoom";
    QTest::keyClick(&window, Qt::Key_F);
    EXPECT_FALSE(view.userZoomed());
    EXPECT_TRUE(everyNodeInside(window));
}

}  // namespace
}  // namespace netstage::gui
