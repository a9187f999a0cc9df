#include "gui/chart/sequence_chart_panel.hpp"

#include <QTimer>

#include <QCheckBox>
#include <QComboBox>
#include <QSignalBlocker>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "gui/chart/msc_arrow_item.hpp"
#include "gui/chart/sequence_chart_scene.hpp"
#include "gui/chart/sequence_chart_view.hpp"
#include "gui/model/format.hpp"
#include "gui/model/playback.hpp"
#include "gui/player/player_controller.hpp"
#include "simulator/trace/connection_key.hpp"
#include "simulator/trace/msc_layout.hpp"

namespace netstage::gui {

SequenceChartPanel::SequenceChartPanel(PlayerController& player, QWidget* parent)
    : QWidget{parent},
      player_{player},
      scene_{new SequenceChartScene{this}},
      view_{new SequenceChartView{scene_, this}},
      perApplication_{new QCheckBox{tr("Lifeline per &application"), this}},
      tcpSegments_{new QCheckBox{tr("&TCP segments"), this}},
      applicationMessages_{new QCheckBox{tr("&Messages"), this}},
      protocol_{new QComboBox{this}},
      connection_{new QComboBox{this}},
      zoomLabel_{new QLabel{this}} {
    perApplication_->setToolTip(tr("One lifeline per application instead of per host"));
    tcpSegments_->setToolTip(tr("Also draw TCP segments without payload (SYN, ACK, FIN, RST)"));
    connect(perApplication_, &QCheckBox::toggled, this, &SequenceChartPanel::rebuild);
    connect(tcpSegments_, &QCheckBox::toggled, this, &SequenceChartPanel::rebuild);
    applicationMessages_->setChecked(true);
    applicationMessages_->setToolTip(tr("Draw application messages (protocol lines, DNS queries and answers)"));
    connect(applicationMessages_, &QCheckBox::toggled, this, &SequenceChartPanel::rebuild);
    protocol_->setToolTip(tr("Only this protocol's messages and segments"));
    protocol_->addItem(tr("all protocols"), QString{});
    connect(protocol_, &QComboBox::currentIndexChanged, this, &SequenceChartPanel::rebuild);
    connection_->setToolTip(tr("Only this connection (client end first)"));
    connection_->addItem(tr("all connections"), QString{});
    connection_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connection_->setMinimumContentsLength(18);
    connect(connection_, &QComboBox::currentIndexChanged, this, &SequenceChartPanel::rebuild);

    auto* zoomOut = new QToolButton{this};
    zoomOut->setText(QStringLiteral("\u2212"));
    zoomOut->setToolTip(tr("Zoom out (-, Ctrl+wheel)"));
    connect(zoomOut, &QToolButton::clicked, view_, &SequenceChartView::zoomOut);
    auto* zoomIn = new QToolButton{this};
    zoomIn->setText(QStringLiteral("+"));
    zoomIn->setToolTip(tr("Zoom in (+, Ctrl+wheel)"));
    connect(zoomIn, &QToolButton::clicked, view_, &SequenceChartView::zoomIn);
    const auto showZoom = [this](double zoom) {
        zoomLabel_->setText(QStringLiteral("%1 %").arg(std::lround(zoom * 100)));
    };
    connect(view_, &SequenceChartView::zoomChanged, this, showZoom);
    showZoom(view_->zoom());

    auto* bar = new QHBoxLayout;
    bar->addWidget(perApplication_);
    bar->addWidget(applicationMessages_);
    bar->addWidget(tcpSegments_);
    bar->addStretch(1);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomLabel_);
    bar->addWidget(zoomIn);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel{tr("Only"), this});
    filters->addWidget(protocol_);
    filters->addWidget(connection_, 1);
    optionBars_ = new QWidget{this};
    auto* options = new QVBoxLayout{optionBars_};
    options->setContentsMargins(0, 0, 0, 0);
    options->addLayout(bar);
    options->addLayout(filters);
    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(optionBars_);
    layout->addWidget(view_, 1);

    connect(scene_, &SequenceChartScene::arrowClicked, &player_,
            [this](std::size_t record) { player_.seekRecord(static_cast<qint64>(record)); });
    connect(&player_, &PlayerController::documentChanged, this, &SequenceChartPanel::onDocumentChanged);
    connect(&player_, &PlayerController::cursorChanged, this, &SequenceChartPanel::onCursorChanged);
    grow_ = new QTimer{this};
    grow_->setSingleShot(true);
    grow_->setInterval(growMilliseconds);
    connect(grow_, &QTimer::timeout, this, [this] {
        if (isVisible()) rebuild();
        else stale_ = true;
    });
    connect(&player_, &PlayerController::documentGrew, this, &SequenceChartPanel::onDocumentGrew);
    rebuild();
}

trace::MscOptions SequenceChartPanel::options() const {
    trace::MscOptions options;
    options.lifelines = perApplication_->isChecked() ? trace::MscLifelines::PerApplication : trace::MscLifelines::PerHost;
    options.tcpSegments = tcpSegments_->isChecked();
    options.applicationMessages = applicationMessages_->isChecked();
    if (const QString protocol = protocol_->currentData().toString(); !protocol.isEmpty()) {
        options.protocols.push_back(protocol.toStdString());
    }
    if (const QString connection = connection_->currentData().toString(); !connection.isEmpty()) {
        options.connections.push_back(connection.toStdString());
    }
    return options;
}

void SequenceChartPanel::setOptionBarsVisible(bool visible) { optionBars_->setVisible(visible); }
bool SequenceChartPanel::optionBarsVisible() const { return !optionBars_->isHidden(); }

void SequenceChartPanel::setPerApplication(bool on) { perApplication_->setChecked(on); }
void SequenceChartPanel::setShowTcpSegments(bool on) { tcpSegments_->setChecked(on); }
void SequenceChartPanel::setShowApplicationMessages(bool on) { applicationMessages_->setChecked(on); }

void SequenceChartPanel::setProtocolFilter(const QString& protocol) {
    protocol_->setCurrentIndex(std::max(0, protocol_->findData(protocol)));
}

void SequenceChartPanel::setConnectionFilter(const QString& connection) {
    connection_->setCurrentIndex(std::max(0, connection_->findData(connection)));
}

void SequenceChartPanel::onDocumentChanged() {
    // Another document has other connections: its chart starts unfiltered.
    {
        const QSignalBlocker protocolBlocker{protocol_};
        const QSignalBlocker connectionBlocker{connection_};
        protocol_->setCurrentIndex(0);
        connection_->setCurrentIndex(0);
    }
    rebuild();
}

void SequenceChartPanel::fillProtocols(const trace::MscChart& chart) {
    std::set<std::string> names;
    for (const auto& arrow : chart.arrows) {
        if (!arrow.protocol.empty()) names.insert(arrow.protocol);
    }
    const QString keep = protocol_->currentData().toString();
    const QSignalBlocker blocker{protocol_};
    while (protocol_->count() > 1) protocol_->removeItem(1);
    for (const auto& name : names) protocol_->addItem(QString::fromStdString(name).toUpper(), QString::fromStdString(name));
    protocol_->setCurrentIndex(std::max(0, protocol_->findData(keep)));
}

void SequenceChartPanel::fillConnections(const trace::MscChart& chart) {
    std::map<std::string, std::string> hostOf;  // address -> host name
    if (const Playback* playback = player_.playback()) {
        for (const auto& node : playback->topology().nodes) {
            for (const auto& address : node.addresses) hostOf.emplace(address, node.name);
        }
    }
    // 10.0.1.10 -> "crepes.fr", or "" when no host has the address.
    const auto hostAt = [&hostOf](Endpoint end) {
        const auto host = hostOf.find(end.address.toString());
        return host == hostOf.end() ? std::string{} : host->second;
    };
    const QString keep = connection_->currentData().toString();
    const QSignalBlocker blocker{connection_};
    while (connection_->count() > 1) connection_->removeItem(connection_->count() - 1);
    // In the order the chart first uses them: the first connection is the first conversation.
    std::set<std::string> seen;
    for (const auto& arrow : chart.arrows) {
        if (arrow.connection.empty() || !seen.insert(arrow.connection).second) continue;
        const auto key = trace::ConnectionKey::parse(arrow.connection);
        // A DNS exchange without its query ("10.0.1.10:53000-dns") has only its client end.
        const auto client = key ? std::optional{key->client}
                                : trace::parseEndpoint(arrow.connection.substr(0, arrow.connection.find('-')));
        const std::string role = arrow.protocol == "ftp" ? trace::toString(arrow.role) : std::string{};
        const std::string label = formatConnectionChoice(arrow.protocol, role, arrow.connection,
                                                         client ? hostAt(*client) : std::string{},
                                                         key ? hostAt(key->server) : std::string{});
        connection_->addItem(QString::fromStdString(label), QString::fromStdString(arrow.connection));
    }
    connection_->setCurrentIndex(std::max(0, connection_->findData(keep)));
}

void SequenceChartPanel::onDocumentGrew() {
    if (!grow_->isActive()) grow_->start();
}

void SequenceChartPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) rebuild();
}

void SequenceChartPanel::rebuild() {
    stale_ = false;
    const Playback* playback = player_.playback();
    if (playback == nullptr) {
        scene_->clearChart();
        return;
    }
    trace::MscChart chart = trace::buildMsc(playback->log(), options());
    // The choices narrow with the other filters: a protocol's connections only.
    if (protocol_->currentIndex() == 0 && connection_->currentIndex() == 0) fillProtocols(chart);
    if (connection_->currentIndex() == 0) fillConnections(chart);
    trace::MscLayout layout = trace::layoutMsc(chart);
    scene_->setChart(std::move(chart), std::move(layout));
    scene_->setCursor(playback->position(), playback->time());
}

void SequenceChartPanel::onCursorChanged() {
    const Playback* playback = player_.playback();
    if (playback == nullptr) return;
    scene_->setCursor(playback->position(), playback->time());
    if (isVisible()) revealCursor();
}

void SequenceChartPanel::revealCursor() {
    if (const auto arrow = scene_->currentArrow()) {
        view_->ensureVisible(scene_->arrowBounds(*arrow), 40, 40);
    } else if (player_.playback() != nullptr && player_.playback()->position() > 0) {
        view_->ensureVisible(QRectF{scene_->layout().axisX, scene_->cursorY() - 20, 1, 40});
    }
}

}  // namespace netstage::gui
