#include "gui/scene/topology_view.hpp"

#include <QLabel>
#include <QResizeEvent>
#include <algorithm>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
constexpr qreal smallest = 0.55;  // below this, 15 pt labels are too small to project (at font scale 1)
constexpr qreal largest = 1.6;
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
    const QSizeF area = viewport()->size();
    // Larger type (presentation mode) may be drawn smaller and still be read.
    const qreal floor = smallest / look::fontScale();
    const qreal scale = std::clamp(std::min(area.width() / rect.width(), area.height() / rect.height()), floor, largest);
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(rect.center());
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
    fitScene();
}

}  // namespace netstage::gui
