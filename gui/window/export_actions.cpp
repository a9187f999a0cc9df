#include "gui/window/export_actions.hpp"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSaveFile>
#include <exception>
#include <sstream>
#include <string_view>

#include "export/msc_png.hpp"
#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/window/main_window.hpp"
#include "simulator/trace/json_lines_writer.hpp"
#include "simulator/trace/pcap_writer.hpp"

namespace netstage::gui {

namespace {

struct ChartFileType {
    exports::MscFormat format;
    const char* extension;       // added to a name typed without one
    const char* otherExtension;  // also recognised; may be empty
    const char* filter;          // the file dialog's filter
};

constexpr ChartFileType chartFileTypes[] = {
    {exports::MscFormat::Svg, "svg", "", QT_TRANSLATE_NOOP("ExportActions", "SVG drawing (*.svg)")},
    {exports::MscFormat::Png, "png", "", QT_TRANSLATE_NOOP("ExportActions", "PNG image (*.png)")},
    {exports::MscFormat::Mermaid, "mmd", "mermaid", QT_TRANSLATE_NOOP("ExportActions", "Mermaid (*.mmd *.mermaid)")},
    {exports::MscFormat::PlantUml, "puml", "plantuml",
     QT_TRANSLATE_NOOP("ExportActions", "PlantUML (*.puml *.plantuml)")},
};

const ChartFileType& fileTypeOf(exports::MscFormat format) {
    for (const auto& type : chartFileTypes) {
        if (type.format == format) return type;
    }
    return chartFileTypes[0];
}

// Through QSaveFile: a failed write leaves an existing file as it was.
QString writeBytes(const std::string& bytes, const QString& path) {
    QSaveFile file{path};
    if (!file.open(QIODevice::WriteOnly)) {
        return QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    file.write(bytes.data(), static_cast<qint64>(bytes.size()));
    if (!file.commit()) {
        return QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return {};
}

QString writeReplayed(const trace::TraceLog& log, trace::TraceSink& sink, std::ostringstream& out, const QString& path) {
    try {
        trace::replay(log, sink);
    } catch (const std::exception& e) {
        return QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what()));
    }
    return writeBytes(out.str(), path);
}

}  // namespace

QString writeSequenceChart(const trace::TraceLog& log, const trace::MscOptions& options, exports::MscFormat format,
                           const QString& path) {
    std::string bytes;
    try {
        bytes = exports::exportMsc(log, options, format, &exports::svgToPng);
    } catch (const std::exception& e) {
        const std::string_view name = exports::toString(format);
        return QObject::tr("Cannot draw the chart as %1: %2")
            .arg(QString::fromLatin1(name.data(), static_cast<int>(name.size())), QString::fromStdString(e.what()));
    }
    return writeBytes(bytes, path);
}

QString writeTraceFile(const trace::TraceLog& log, const QString& path) {
    std::ostringstream out;
    trace::JsonLinesWriter writer{out};
    return writeReplayed(log, writer, out, path);
}

QString writePacketCapture(const trace::TraceLog& log, const QString& path) {
    std::ostringstream out;
    trace::PcapWriter writer{out};
    return writeReplayed(log, writer, out, path);
}

std::optional<exports::MscFormat> chartFormatFor(const QString& path, const QString& selectedFilter) {
    const QString suffix = QFileInfo{path}.suffix().toLower();
    for (const auto& type : chartFileTypes) {
        if (suffix == QLatin1String(type.extension) || (*type.otherExtension && suffix == QLatin1String(type.otherExtension))) {
            return type.format;
        }
    }
    for (const auto& type : chartFileTypes) {
        if (selectedFilter.contains(QStringLiteral("*.%1").arg(QLatin1String(type.extension)))) return type.format;
    }
    return std::nullopt;
}

ExportActions::ExportActions(MainWindow& window, PlayerController& player, SequenceChartPanel& chart)
    : QObject{&window},
      window_{window},
      player_{player},
      chart_{chart},
      exportChart_{new QAction{tr("&Export Sequence Chart..."), &window}},
      saveTrace_{new QAction{tr("Save &Trace As..."), &window}},
      exportPcap_{new QAction{tr("Export &Packet Capture..."), &window}} {
    exportChart_->setShortcut(QKeySequence{Qt::CTRL | Qt::Key_E});
    exportChart_->setToolTip(tr("Write the sequence chart, as the chart panel shows it, to SVG, PNG, Mermaid or PlantUML"));
    // Spelled out: QKeySequence::SaveAs is empty on some platforms.
    saveTrace_->setShortcut(QKeySequence{Qt::CTRL | Qt::SHIFT | Qt::Key_S});
    saveTrace_->setToolTip(tr("Write the run as a JSON Lines trace (what netstage run --trace writes)"));
    exportPcap_->setToolTip(tr("Write the run's packets as a pcap capture for Wireshark"));
    for (QAction* action : {exportChart_, saveTrace_, exportPcap_}) {
        // Also in the window itself, so the shortcuts work while the menu bar is hidden.
        action->setShortcutContext(Qt::WindowShortcut);
        window.addAction(action);
    }
    connect(exportChart_, &QAction::triggered, this, &ExportActions::exportChartWithDialog);
    connect(saveTrace_, &QAction::triggered, this, &ExportActions::saveTraceWithDialog);
    connect(exportPcap_, &QAction::triggered, this, &ExportActions::exportPcapWithDialog);
    connect(&player_, &PlayerController::documentChanged, this, &ExportActions::updateEnabled);
    updateEnabled();
}

void ExportActions::addToMenu(QMenu& menu, QAction* before) const {
    menu.insertActions(before, {exportChart_, saveTrace_, exportPcap_});
    menu.insertSeparator(before);
}

void ExportActions::setSaveDialog(SaveDialog dialog) { dialog_ = std::move(dialog); }

void ExportActions::updateEnabled() {
    const bool loaded = player_.playback() != nullptr;
    for (QAction* action : {exportChart_, saveTrace_, exportPcap_}) action->setEnabled(loaded);
}

bool ExportActions::exportChartTo(const QString& path, std::optional<exports::MscFormat> format) {
    const Playback* playback = player_.playback();
    if (playback == nullptr) return false;
    if (!format) format = chartFormatFor(path);
    if (!format) {
        return finish(tr("Cannot tell the chart format from %1: name it .svg, .png, .mmd or .puml.")
                          .arg(QFileInfo{path}.fileName()),
                      path);
    }
    return finish(writeSequenceChart(playback->log(), chart_.options(), *format, path), path);
}

bool ExportActions::saveTraceTo(const QString& path) {
    const Playback* playback = player_.playback();
    return playback != nullptr && finish(writeTraceFile(playback->log(), path), path);
}

bool ExportActions::exportPcapTo(const QString& path) {
    const Playback* playback = player_.playback();
    return playback != nullptr && finish(writePacketCapture(playback->log(), path), path);
}

void ExportActions::exportChartWithDialog() {
    if (player_.playback() == nullptr) return;
    QStringList filters;
    for (const auto& type : chartFileTypes) filters << tr(type.filter);
    const SaveAnswer answer = ask(tr("Export the sequence chart"), QStringLiteral("svg"), filters.join(QStringLiteral(";;")));
    if (answer.path.isEmpty()) return;
    const std::optional<exports::MscFormat> format = chartFormatFor(answer.path, answer.selectedFilter);
    QString path = answer.path;
    // A name typed without an extension gets the one of the chosen format.
    if (format && QFileInfo{path}.suffix().isEmpty()) path += QLatin1Char('.') + QLatin1String(fileTypeOf(*format).extension);
    exportChartTo(path, format);
}

void ExportActions::saveTraceWithDialog() {
    if (player_.playback() == nullptr) return;
    const SaveAnswer answer = ask(tr("Save the run as a trace"), QStringLiteral("jsonl"),
                                  tr("NetStage traces (*.jsonl);;All files (*)"));
    if (!answer.path.isEmpty()) saveTraceTo(answer.path);
}

void ExportActions::exportPcapWithDialog() {
    if (player_.playback() == nullptr) return;
    const SaveAnswer answer = ask(tr("Export the packets as a capture"), QStringLiteral("pcap"),
                                  tr("Packet captures (*.pcap);;All files (*)"));
    if (!answer.path.isEmpty()) exportPcapTo(answer.path);
}

bool ExportActions::finish(const QString& error, const QString& path) {
    if (error.isEmpty()) {
        lastDirectory_ = QFileInfo{path}.absolutePath();
        return true;
    }
    window_.showError(tr("Export failed"), error);
    return false;
}

QString ExportActions::suggestedPath(const QString& extension) const {
    const QFileInfo current{window_.currentFile()};
    const QString directory = !lastDirectory_.isEmpty()                ? lastDirectory_
                              : window_.currentFile().isEmpty()        ? QString{}
                                                                       : current.absolutePath();
    const QString base = window_.currentFile().isEmpty() ? QStringLiteral("netstage") : current.completeBaseName();
    QString name = base + QLatin1Char('.') + extension;
    // Never offer to overwrite the open file itself (a trace saved as a trace).
    if (QFileInfo{QDir{directory}.filePath(name)} == current) name = base + QStringLiteral("-copy.") + extension;
    return directory.isEmpty() ? name : QDir{directory}.filePath(name);
}

ExportActions::SaveAnswer ExportActions::ask(const QString& title, const QString& extension,
                                             const QString& filters) const {
    const SaveRequest request{title, suggestedPath(extension), filters};
    if (dialog_) return dialog_(request);
    SaveAnswer answer;
    answer.path = QFileDialog::getSaveFileName(&window_, request.title, request.suggestedPath, request.filters,
                                               &answer.selectedFilter);
    return answer;
}

}  // namespace netstage::gui
