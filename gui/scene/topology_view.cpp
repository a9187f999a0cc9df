#include "gui/scene/topology_view.hpp"

#include <QLabel>
#include <QResizeEvent>
#include <algorithm>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
constexpr qreal smallest = 0.55;  // below this, 15 pt labels are too small to project
constexpr qreal largest = 1.6;
}  // namespace

TopologyView::TopologyView(QGraphicsScene* scene, QWidget* parent)
    : QGraphicsView{scene, parent}, legend_{new QLabel{this}} {
    legend_->setFont(look::panelFont());
    legend_->setTextFormat(Qt::RichText);
    legend_->setStyleSheet(QStringLiteral("QLabel { background: rgba(255,255,255,225); border: 1px solid #c0c8d0;"
                                          " border-radius: 6px; padding: 6px; }"));
    legend_->move(10, 10);
    legend_->hide();
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::NoFocus);  // arrow keys belong to the player
    setDragMode(QGraphicsView::NoDrag);
    setAlignment(Qt::AlignCenter);
}

void TopologyView::fitScene() {
    if (scene() == nullptr) return;
    const QRectF rect = scene()->sceneRect();
    if (rect.isEmpty()) return;
    const QSizeF area = viewport()->size();
    const qreal scale = std::clamp(std::min(area.width() / rect.width(), area.height() / rect.height()), smallest, largest);
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
