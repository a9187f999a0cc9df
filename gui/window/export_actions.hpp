#pragma once
// The File menu's exports of the open document: the sequence chart (SVG, PNG,
// Mermaid, PlantUML, drawn by exports::exportMsc with the chart panel's current
// options, so it is the file `netstage msc` writes with the same flags), the
// run as a JSON Lines trace, and its packets as a pcap capture.
//
// Each export is a plain function of a path; only the menu entries ask for
// the path, through a replaceable dialog function, so tests never open a
// modal dialog. Failures go to MainWindow::showError; the window goes on.

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

#include "export/msc_export.hpp"
#include "simulator/trace/msc_model.hpp"
#include "simulator/trace/record.hpp"

class QAction;
class QMenu;

namespace netstage::gui {

class MainWindow;
class PlayerController;
class SequenceChartPanel;

// Each writes the whole file or nothing (an existing file stays as it was)
// and returns an empty string, or why it could not.
QString writeSequenceChart(const trace::TraceLog& log, const trace::MscOptions& options, exports::MscFormat format,
                           const QString& path);
QString writeTraceFile(const trace::TraceLog& log, const QString& path);     // JSON Lines, as `netstage run --trace`
QString writePacketCapture(const trace::TraceLog& log, const QString& path);  // pcap, as `netstage run --pcap`

// The chart format a file name asks for (.svg, .png, .mmd/.mermaid, .puml/.plantuml),
// else the one of the dialog's chosen filter; nothing if neither says.
std::optional<exports::MscFormat> chartFormatFor(const QString& path, const QString& selectedFilter = {});

class ExportActions : public QObject {
    Q_OBJECT
public:
    struct SaveRequest {
        QString title;
        QString suggestedPath;
        QString filters;  // ";;"-separated, as QFileDialog takes them
    };
    struct SaveAnswer {
        QString path;  // empty: cancelled
        QString selectedFilter;
    };
    using SaveDialog = std::function<SaveAnswer(const SaveRequest&)>;

    ExportActions(MainWindow& window, PlayerController& player, SequenceChartPanel& chart);

    // Puts the three entries into `menu` before `before` (at the end if null), between separators.
    void addToMenu(QMenu& menu, QAction* before = nullptr) const;
    // Replaces the file dialog the entries ask with.
    void setSaveDialog(SaveDialog dialog);

    QAction* exportChartAction() const { return exportChart_; }
    QAction* saveTraceAction() const { return saveTrace_; }
    QAction* exportPcapAction() const { return exportPcap_; }

    // The exports behind the entries, without a dialog. Each returns whether the
    // file was written; on failure the window shows why.
    bool exportChartTo(const QString& path, std::optional<exports::MscFormat> format = std::nullopt);
    bool saveTraceTo(const QString& path);
    bool exportPcapTo(const QString& path);

public slots:
    void exportChartWithDialog();
    void saveTraceWithDialog();
    void exportPcapWithDialog();

private:
    void updateEnabled();
    bool finish(const QString& error, const QString& path);
    QString suggestedPath(const QString& extension) const;
    SaveAnswer ask(const QString& title, const QString& extension, const QString& filters) const;

    MainWindow& window_;
    PlayerController& player_;
    SequenceChartPanel& chart_;
    SaveDialog dialog_;
    QString lastDirectory_;
    QAction* exportChart_;
    QAction* saveTrace_;
    QAction* exportPcap_;
};

}  // namespace netstage::gui
