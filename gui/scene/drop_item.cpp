#include "gui/scene/drop_item.hpp"

#include <QFontMetricsF>
#include <QPainter>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
constexpr qreal arm = 14;
}

DropItem::DropItem() {
    setZValue(4);
    setAcceptedMouseButtons(Qt::NoButton);
    setReason(QStringLiteral("drop"));
}

void DropItem::setReason(const QString& reason) {
    if (reason == reason_) return;
    prepareGeometryChange();
    reason_ = reason;
    const QFontMetricsF metrics{look::labelBoldFont()};
    const qreal w = std::max(2 * arm, metrics.horizontalAdvance(reason_) + 12);
    bounds_ = QRectF{-w / 2, -arm - 2, w, 2 * arm + 4 + metrics.height() + 4};
}

QRectF DropItem::boundingRect() const { return bounds_; }

void DropItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen{look::dropColor(), 6 * look::lineScale(), Qt::SolidLine, Qt::RoundCap});
    painter->drawLine(QPointF{-arm, -arm}, QPointF{arm, arm});
    painter->drawLine(QPointF{-arm, arm}, QPointF{arm, -arm});
    const QRectF text{bounds_.left(), arm + 4, bounds_.width(), bounds_.bottom() - arm - 4};
    painter->setPen(Qt::NoPen);
    painter->setBrush(look::halo(230));
    painter->drawRoundedRect(text, 4, 4);
    painter->setFont(look::labelBoldFont());
    painter->setPen(look::dropColor());
    painter->drawText(text, Qt::AlignCenter, reason_);
}

}  // namespace netstage::gui
