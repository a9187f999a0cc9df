#include "gui/chart/sequence_chart_view.hpp"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>

#include "gui/chart/sequence_chart_scene.hpp"
#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
constexpr double zoomStep = 1.25;
}

SequenceChartView::SequenceChartView(SequenceChartScene* scene, QWidget* parent)
    : QGraphicsView{scene, parent}, chartScene_{scene} {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    connect(scene, &SequenceChartScene::chartChanged, this, &SequenceChartView::showRegion);
}

QRectF SequenceChartView::visibleSceneRect() const { return mapToScene(viewport()->rect()).boundingRect(); }

void SequenceChartView::showRegion() {
    // Also called while the scene is being taken away or destroyed.
    if (scene() != chartScene_ || chartScene_ == nullptr) return;
    chartScene_->showRegion(visibleSceneRect());
}

void SequenceChartView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    showRegion();
    // Scrolling moves pixels; the pinned header must not move with them.
    if (dy != 0 && (headerPinned() || wasPinned_)) viewport()->update();
    wasPinned_ = headerPinned();
}

bool SequenceChartView::headerPinned() const {
    if (chartScene_ == nullptr || chartScene_->layout().lifelines.empty()) return false;
    const auto& first = chartScene_->layout().lifelines.front();
    return visibleSceneRect().top() > first.boxTop;
}

void SequenceChartView::drawForeground(QPainter* painter, const QRectF& rect) {
    QGraphicsView::drawForeground(painter, rect);
    if (!headerPinned()) return;
    const auto& lifelines = chartScene_->layout().lifelines;
    const QRectF visible = visibleSceneRect();
    const double boxHeight = lifelines.front().boxHeight;
    const double top = visible.top() + 4 / zoom_;
    painter->save();
    QColor band = look::paper();
    band.setAlpha(230);
    painter->fillRect(QRectF{visible.left(), visible.top(), visible.width(), boxHeight + 8 / zoom_}, band);
    QFont bold{QStringLiteral("DejaVu Sans Mono")};
    bold.setStyleHint(QFont::Monospace);
    bold.setPixelSize(12);
    bold.setBold(true);
    QFont plain = bold;
    plain.setBold(false);
    for (const auto& line : lifelines) {
        const QRectF box{line.x - line.boxWidth / 2, top, line.boxWidth, boxHeight};
        if (!box.intersects(visible)) continue;
        QPainterPath outline;
        outline.addRoundedRect(box, 4, 4);
        painter->setPen(QPen{look::chartAxisInk(), look::lineScale()});
        painter->setBrush(look::lifelineBoxFill());
        painter->drawPath(outline);
        // As the scene places them: host on the first line, application on the second.
        painter->setFont(bold);
        painter->setPen(look::ink());
        painter->drawText(QRectF{box.left(), top + 4, box.width(), 18}, Qt::AlignHCenter | Qt::AlignVCenter,
                          QString::fromStdString(line.host));
        if (!line.application.empty()) {
            painter->setFont(plain);
            painter->setPen(look::chartAxisInk());
            painter->drawText(QRectF{box.left(), top + 20, box.width(), 18}, Qt::AlignHCenter | Qt::AlignVCenter,
                              QString::fromStdString(line.application));
        }
    }
    painter->restore();
}

void SequenceChartView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    showRegion();
}

void SequenceChartView::showEvent(QShowEvent* event) {
    QGraphicsView::showEvent(event);
    showRegion();
}

void SequenceChartView::setZoom(double zoom) {
    zoom = std::clamp(zoom, minZoom, maxZoom);
    if (zoom == zoom_) return;
    zoom_ = zoom;
    setTransform(QTransform::fromScale(zoom_, zoom_));
    showRegion();
    emit zoomChanged(zoom_);
}

void SequenceChartView::zoomIn() { setZoom(zoom_ * zoomStep); }
void SequenceChartView::zoomOut() { setZoom(zoom_ / zoomStep); }

void SequenceChartView::wheelEvent(QWheelEvent* event) {
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const int steps = event->angleDelta().y() / 120;
    if (steps > 0) zoomIn();
    else if (steps < 0) zoomOut();
    event->accept();
}

void SequenceChartView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal: zoomIn(); break;
        case Qt::Key_Minus: zoomOut(); break;
        case Qt::Key_0: setZoom(1.0); break;
        default: QGraphicsView::keyPressEvent(event); return;
    }
    event->accept();
}

}  // namespace netstage::gui
