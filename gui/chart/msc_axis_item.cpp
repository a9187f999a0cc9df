#include "gui/chart/msc_axis_item.hpp"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
constexpr double labelHalfHeight = 8;  // a 10 px label around its tick
}

MscAxisItem::MscAxisItem(const trace::MscLayout& layout) : layout_{layout} {
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);  // paint() needs the exposed rectangle
    setAcceptedMouseButtons(Qt::NoButton);
    bounds_ = QRectF{0, layout_.chartTop - 40, layout_.axisX + 8, layout_.chartBottom - layout_.chartTop + 48};
}

QRectF MscAxisItem::boundingRect() const { return bounds_; }

void MscAxisItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    // Views pass the exposed part; QGraphicsScene::render() passes the whole
    // item but clips the painter.
    QRectF exposed = option->exposedRect;
    if (painter->hasClipping()) exposed &= painter->clipBoundingRect();
    const QColor ink = look::chartAxisInk();
    const QPen pen{ink, 1};
    QFont font{QStringLiteral("DejaVu Sans Mono")};
    font.setStyleHint(QFont::Monospace);
    font.setPixelSize(10);
    const QFontMetricsF metrics{font};
    painter->setFont(font);
    painter->setPen(pen);

    const double x = layout_.axisX;
    painter->drawLine(QLineF{x, std::max(layout_.chartTop - 12, exposed.top()), x,
                             std::min(layout_.chartBottom, exposed.bottom())});
    if (exposed.top() <= layout_.chartTop - 12) {
        QFont title = font;
        title.setPixelSize(11);
        painter->setFont(title);
        const double width = QFontMetricsF{title}.horizontalAdvance(QStringLiteral("time"));
        painter->drawText(QPointF{x - width, layout_.chartTop - 24}, QStringLiteral("time"));
        painter->setFont(font);
    }

    // Ticks are sorted by y: draw the ones whose label reaches into the exposed rectangle.
    const auto& ticks = layout_.ticks;
    const auto first = std::lower_bound(ticks.begin(), ticks.end(), exposed.top() - labelHalfHeight,
                                        [](const trace::MscTick& tick, double y) { return tick.y < y; });
    std::size_t painted = 0;
    for (auto tick = first; tick != ticks.end() && tick->y <= exposed.bottom() + labelHalfHeight; ++tick) {
        painter->drawLine(QLineF{x - 4, tick->y, x, tick->y});
        const QString label = QString::fromStdString(tick->label);
        painter->drawText(QPointF{x - 6 - metrics.horizontalAdvance(label), tick->y + 3.5}, label);
        ++painted;
    }
    ticksLastPainted_ = painted;

    for (const double y : layout_.breaks) {
        if (y < exposed.top() - 8 || y > exposed.bottom() + 8) continue;
        painter->fillRect(QRectF{x - 7, y - 3, 14, 6}, look::paper());
        QPainterPath sign;
        sign.moveTo(x - 7, y - 1);
        sign.lineTo(x + 7, y - 5);
        sign.moveTo(x - 7, y + 5);
        sign.lineTo(x + 7, y + 1);
        painter->drawPath(sign);
    }
}

}  // namespace netstage::gui
