#include "gui/scene/topology_view.hpp"

#include <QLabel>
#include <QResizeEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
// Larger than this, a small network is all icons; the whole network always
// fits, however small that makes it (zoom in to read a big one).
constexpr qreal largest = 1.6;
constexpr qreal smallestZoom = 0.02;
constexpr qreal largestZoom = 8;
}  // namespace

TopologyView::TopologyView(QGraphicsScene* scene, QWidget* parent)
    : QGraphicsView{scene, parent}, legend_{new QLabel{this}} {
    styleLegend();
    connect(&look::notifier(), &look::Notifier::changed, this, &TopologyView::styleLegend);
    legend_->setTextFormat(Qt::RichText);
    legend_->move(10, 10);
    legend_->hide();
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::NoFocus);  // arrow keys belong to the player
    setDragMode(QGraphicsView::NoDrag);
    setAlignment(Qt::AlignCenter);
    // Scroll bars would take room from the fitted network; a zoomed view is dragged.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void TopologyView::styleLegend() {
    legend_->setFont(look::panelFont());
    const QColor back = look::halo(225);
    legend_->setStyleSheet(QStringLiteral("QLabel { background: rgba(%1,%2,%3,%4); color: %5; border: 1px solid %6;"
                                          " border-radius: 6px; padding: 6px; }")
                               .arg(back.red())
                               .arg(back.green())
                               .arg(back.blue())
                               .arg(back.alpha())
                               .arg(look::ink().name(), look::dimInk().name()));
    legend_->adjustSize();
}

void TopologyView::fitScene() {
    if (scene() == nullptr) return;
    const QRectF rect = scene()->sceneRect();
    if (rect.isEmpty()) return;
    userZoomed_ = false;
    setDragMode(QGraphicsView::NoDrag);
    const QSizeF area = viewport()->size();
    const qreal scale = std::min({area.width() / rect.width(), area.height() / rect.height(), largest});
    if (scale <= 0) return;
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(rect.center());
}

void TopologyView::zoomBy(qreal factor, QPoint viewPoint) {
    const qreal now = transform().m11();
    const qreal next = std::clamp(now * factor, smallestZoom, largestZoom);
    if (next == now) return;
    const QPointF anchor = mapToScene(viewPoint);
    userZoomed_ = true;
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransform(QTransform::fromScale(next, next));
    // Keep the scene point under the cursor where it was.
    const QPointF moved = mapToScene(viewPoint);
    const QPointF centre = mapToScene(viewport()->rect().center());
    centerOn(centre + (anchor - moved));
}

void TopologyView::wheelEvent(QWheelEvent* event) {
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps != 0) zoomBy(std::pow(1.2, steps), event->position().toPoint());
    event->accept();
}

void TopologyView::setLegend(const QList<QPair<QString, QColor>>& entries) {
    QString html;
    for (const auto& [name, colour] : entries) {
        if (!html.isEmpty()) html += QStringLiteral("&nbsp;&nbsp;&nbsp;");
        html += QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2").arg(colour.name(), name.toHtmlEscaped());
    }
    legend_->setText(html);
    legend_->adjustSize();
    legend_->setVisible(!entries.isEmpty());
}

QString TopologyView::legendText() const { return legend_->text(); }

void TopologyView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (!userZoomed_) fitScene();
}

}  // namespace netstage::gui
