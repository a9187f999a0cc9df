#include "gui/chart/sequence_chart_panel.hpp"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "gui/chart/msc_arrow_item.hpp"
#include "gui/chart/sequence_chart_scene.hpp"
#include "gui/chart/sequence_chart_view.hpp"
#include "gui/player/player_controller.hpp"
#include "simulator/trace/msc_layout.hpp"

namespace netstage::gui {

SequenceChartPanel::SequenceChartPanel(PlayerController& player, QWidget* parent)
    : QWidget{parent},
      player_{player},
      scene_{new SequenceChartScene{this}},
      view_{new SequenceChartView{scene_, this}},
      perApplication_{new QCheckBox{tr("Lifeline per &application"), this}},
      tcpSegments_{new QCheckBox{tr("&TCP segments"), this}},
      zoomLabel_{new QLabel{this}} {
    perApplication_->setToolTip(tr("One lifeline per application instead of per host"));
    tcpSegments_->setToolTip(tr("Also draw TCP segments without payload (SYN, ACK, FIN, RST)"));
    connect(perApplication_, &QCheckBox::toggled, this, &SequenceChartPanel::rebuild);
    connect(tcpSegments_, &QCheckBox::toggled, this, &SequenceChartPanel::rebuild);

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
    bar->addWidget(tcpSegments_);
    bar->addStretch(1);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomLabel_);
    bar->addWidget(zoomIn);
    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);

    connect(scene_, &SequenceChartScene::arrowClicked, &player_,
            [this](std::size_t record) { player_.seekRecord(static_cast<qint64>(record)); });
    connect(&player_, &PlayerController::documentChanged, this, &SequenceChartPanel::rebuild);
    connect(&player_, &PlayerController::cursorChanged, this, &SequenceChartPanel::onCursorChanged);
    rebuild();
}

trace::MscOptions SequenceChartPanel::options() const {
    trace::MscOptions options;
    options.lifelines = perApplication_->isChecked() ? trace::MscLifelines::PerApplication : trace::MscLifelines::PerHost;
    options.tcpSegments = tcpSegments_->isChecked();
    return options;
}

void SequenceChartPanel::setPerApplication(bool on) { perApplication_->setChecked(on); }
void SequenceChartPanel::setShowTcpSegments(bool on) { tcpSegments_->setChecked(on); }

void SequenceChartPanel::rebuild() {
    const Playback* playback = player_.playback();
    if (playback == nullptr) {
        scene_->clearChart();
        return;
    }
    trace::MscChart chart = trace::buildMsc(playback->log(), options());
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
        view_->ensureVisible(scene_->arrowItem(*arrow), 40, 40);
    } else if (player_.playback() != nullptr && player_.playback()->position() > 0) {
        view_->ensureVisible(QRectF{scene_->layout().axisX, scene_->cursorY() - 20, 1, 40});
    }
}

}  // namespace netstage::gui
