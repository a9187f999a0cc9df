// The File menu's exports against the command line: the same options give the
// same bytes (SVG, Mermaid, PlantUML), the same pixels (PNG), the same trace
// and the same capture as `netstage msc` and `netstage run --trace/--pcap`.
#include <QAction>
#include <QFileInfo>
#include <QImage>
#include <QTest>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/msc_command.hpp"
#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/widgets/error_dialog.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/export_actions.hpp"
#include "gui/window/main_window.hpp"
#include "tests/gui/panel_fixtures.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

namespace netstage::gui {
namespace {

std::string scenario01Path() { return netstage::test_support::scenarioPath("01-smtp-alice-to-bob"); }

std::filesystem::path tempDir() { return netstage::test_support::programTempDir().path(); }

// A path in tempDir() with no file there yet.
std::filesystem::path tempFile(const std::string& name) {
    std::filesystem::remove(tempDir() / name);
    return tempDir() / name;
}

using netstage::test_support::slurp;

QString qpath(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

// What `netstage msc scenarios/01-... --format FORMAT [--tcp] -o FILE` writes.
std::string commandLineChart(const std::string& format, bool tcp, const std::string& name) {
    const auto output = tempFile(name);
    cli::MscCommandOptions options;
    options.input = scenario01Path();
    options.format = format;
    options.tcp = tcp;
    options.outputPath = output.string();
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(cli::runMscCommand(options, out, err), 0) << err.str();
    return slurp(output);
}

class ExportTest : public ::testing::Test {
protected:
    ExportTest() {
        MainWindow::Options options;
        options.rememberRecentFiles = false;
        window = std::make_unique<MainWindow>([](const std::string&) { return LoadResult{testing::scenario01Log()}; },
                                              options);
    }

    void open() { ASSERT_TRUE(window->openFile(QString::fromStdString(scenario01Path()))); }
    ExportActions& exports() { return window->exports(); }
    SequenceChartPanel& chart() { return window->panels().chart(); }

    std::unique_ptr<MainWindow> window;
};

TEST_F(ExportTest, entriesAreDisabledUntilADocumentIsOpen) {
    for (QAction* action : {exports().exportChartAction(), exports().saveTraceAction(), exports().exportPcapAction()}) {
        EXPECT_FALSE(action->isEnabled()) << action->text().toStdString();
    }
    open();
    for (QAction* action : {exports().exportChartAction(), exports().saveTraceAction(), exports().exportPcapAction()}) {
        EXPECT_TRUE(action->isEnabled()) << action->text().toStdString();
    }
    EXPECT_EQ(exports().exportChartAction()->shortcut(), QKeySequence{Qt::CTRL | Qt::Key_E});
    EXPECT_EQ(exports().saveTraceAction()->shortcut(), QKeySequence{Qt::CTRL | Qt::SHIFT | Qt::Key_S});
}

TEST_F(ExportTest, textChartsAreByteForByteTheCommandLines) {
    open();
    for (const bool tcp : {false, true}) {
        chart().setShowTcpSegments(tcp);
        for (const auto& [format, extension] : {std::pair{"svg", "svg"}, {"mermaid", "mmd"}, {"plantuml", "puml"}}) {
            const std::string name = std::string{"01-"} + (tcp ? "tcp" : "plain") + "." + extension;
            const auto path = tempFile("gui-" + name);
            ASSERT_TRUE(exports().exportChartTo(qpath(path))) << name;
            const std::string fromGui = slurp(path);
            EXPECT_GT(fromGui.size(), 1000u) << name;
            EXPECT_EQ(fromGui, commandLineChart(format, tcp, "cli-" + name)) << name;
        }
    }
}

TEST_F(ExportTest, perApplicationChartIsTheCommandLinesToo) {
    open();
    chart().setPerApplication(true);
    const auto path = tempFile("gui-01-apps.svg");
    ASSERT_TRUE(exports().exportChartTo(qpath(path)));
    const auto output = tempFile("cli-01-apps.svg");
    cli::MscCommandOptions options;
    options.input = scenario01Path();
    options.perApplication = true;
    options.outputPath = output.string();
    std::ostringstream out;
    std::ostringstream err;
    ASSERT_EQ(cli::runMscCommand(options, out, err), 0) << err.str();
    EXPECT_EQ(slurp(path), slurp(output));
    EXPECT_NE(slurp(path).find("user agent"), std::string::npos);
}

TEST_F(ExportTest, pngIsPixelForPixelTheCommandLines) {
    open();
    chart().setShowTcpSegments(true);
    const auto path = tempFile("gui-01-tcp.png");
    ASSERT_TRUE(exports().exportChartTo(qpath(path)));
    const QImage fromGui{qpath(path), "PNG"};
    commandLineChart("png", true, "cli-01-tcp.png");
    const QImage fromCli{qpath(tempDir() / "cli-01-tcp.png"), "PNG"};
    ASSERT_FALSE(fromGui.isNull());
    ASSERT_FALSE(fromCli.isNull());
    EXPECT_EQ(fromGui.size(), fromCli.size());
    EXPECT_TRUE(fromGui == fromCli);
}

TEST_F(ExportTest, saveTraceAsWritesWhatRunTraceWrites) {
    open();
    const auto fromGui = tempFile("gui-01.jsonl");
    ASSERT_TRUE(exports().saveTraceTo(qpath(fromGui)));
    const auto fromCli = tempFile("cli-01.jsonl");
    cli::ScenarioOptions run;
    run.path = scenario01Path();
    run.tracePath = fromCli.string();
    std::ostringstream out;
    std::ostringstream err;
    ASSERT_EQ(cli::runScenarioCommand(run, out, err), 0) << err.str();
    const std::string expected = slurp(fromCli);
    EXPECT_GT(expected.size(), 10000u);
    EXPECT_EQ(slurp(fromGui), expected);
}

TEST_F(ExportTest, packetCaptureIsWhatRunPcapWrites) {
    open();
    const auto fromGui = tempFile("gui-01.pcap");
    ASSERT_TRUE(exports().exportPcapTo(qpath(fromGui)));
    const auto fromCli = tempFile("cli-01.pcap");
    cli::ScenarioOptions run;
    run.path = scenario01Path();
    run.pcapPath = fromCli.string();
    std::ostringstream out;
    std::ostringstream err;
    ASSERT_EQ(cli::runScenarioCommand(run, out, err), 0) << err.str();
    const std::string expected = slurp(fromCli);
    EXPECT_GT(expected.size(), 24u + 16u);  // the global header and at least one packet
    EXPECT_EQ(slurp(fromGui), expected);
}

TEST_F(ExportTest, anUnwritablePathIsShownAndTheWindowGoesOn) {
    open();
    const QString path = QStringLiteral("/nonexistent-netstage-dir/chart.svg");
    EXPECT_FALSE(exports().exportChartTo(path));
    ASSERT_NE(window->errorBox(), nullptr);
    EXPECT_TRUE(window->errorBox()->text().contains(path)) << window->errorBox()->text().toStdString();
    EXPECT_FALSE(exports().saveTraceTo(QStringLiteral("/nonexistent-netstage-dir/run.jsonl")));
    EXPECT_TRUE(window->errorBox()->text().contains(QStringLiteral("run.jsonl")));
    EXPECT_FALSE(exports().exportPcapTo(QStringLiteral("/nonexistent-netstage-dir/run.pcap")));
    EXPECT_TRUE(window->errorBox()->text().contains(QStringLiteral("run.pcap")));
    // Still playing the same document, and exports still work.
    EXPECT_EQ(window->currentFile().toStdString(), scenario01Path());
    EXPECT_TRUE(exports().exportChartTo(qpath(tempFile("after-error.svg"))));
}

TEST_F(ExportTest, anUnknownExtensionIsRefusedWithAMessage) {
    open();
    const auto path = tempFile("chart.docx");
    EXPECT_FALSE(exports().exportChartTo(qpath(path)));
    EXPECT_FALSE(std::filesystem::exists(path));
    ASSERT_NE(window->errorBox(), nullptr);
    EXPECT_TRUE(window->errorBox()->text().contains(QStringLiteral(".svg")));
}

TEST_F(ExportTest, theMenuEntryAsksForAPathAndTakesTheFormatFromTheFilter) {
    open();
    std::vector<ExportActions::SaveRequest> asked;
    const auto base = tempFile("from-dialog");
    tempFile("from-dialog.png");
    exports().setSaveDialog([&](const ExportActions::SaveRequest& request) {
        asked.push_back(request);
        return ExportActions::SaveAnswer{qpath(base), QStringLiteral("PNG image (*.png)")};
    });
    exports().exportChartAction()->trigger();
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_TRUE(asked[0].filters.contains(QStringLiteral("*.svg")));
    EXPECT_TRUE(asked[0].filters.contains(QStringLiteral("*.puml")));
    EXPECT_TRUE(asked[0].suggestedPath.endsWith(QStringLiteral("01-smtp-alice-to-bob.svg")))
        << asked[0].suggestedPath.toStdString();
    const QImage image{qpath(tempDir() / "from-dialog.png"), "PNG"};
    EXPECT_FALSE(image.isNull());

    exports().setSaveDialog([&](const ExportActions::SaveRequest& request) {
        asked.push_back(request);
        return ExportActions::SaveAnswer{};  // cancelled
    });
    exports().saveTraceAction()->trigger();
    exports().exportPcapAction()->trigger();
    ASSERT_EQ(asked.size(), 3u);
    EXPECT_TRUE(asked[1].suggestedPath.endsWith(QStringLiteral(".jsonl")));
    EXPECT_TRUE(asked[2].suggestedPath.endsWith(QStringLiteral(".pcap")));
    EXPECT_EQ(window->errorBox(), nullptr);
}

TEST(ChartFormat, comesFromTheExtensionElseFromTheChosenFilter) {
    EXPECT_EQ(chartFormatFor(QStringLiteral("a.svg")), exports::MscFormat::Svg);
    EXPECT_EQ(chartFormatFor(QStringLiteral("a.PNG")), exports::MscFormat::Png);
    EXPECT_EQ(chartFormatFor(QStringLiteral("a.mmd")), exports::MscFormat::Mermaid);
    EXPECT_EQ(chartFormatFor(QStringLiteral("a.mermaid")), exports::MscFormat::Mermaid);
    EXPECT_EQ(chartFormatFor(QStringLiteral("a.puml")), exports::MscFormat::PlantUml);
    EXPECT_EQ(chartFormatFor(QStringLiteral("a.plantuml")), exports::MscFormat::PlantUml);
    EXPECT_EQ(chartFormatFor(QStringLiteral("a.svg"), QStringLiteral("PNG image (*.png)")), exports::MscFormat::Svg);
    EXPECT_EQ(chartFormatFor(QStringLiteral("a"), QStringLiteral("Mermaid (*.mmd *.mermaid)")), exports::MscFormat::Mermaid);
    EXPECT_EQ(chartFormatFor(QStringLiteral("a.txt")), std::nullopt);
}

}  // namespace
}  // namespace netstage::gui
