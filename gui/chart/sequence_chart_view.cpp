#include "gui/chart/sequence_chart_view.hpp"

#include <QKeyEvent>
#include <QWheelEvent>
#include <algorithm>

#include "gui/chart/sequence_chart_scene.hpp"

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
