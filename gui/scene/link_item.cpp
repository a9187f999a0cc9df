#include "gui/scene/link_item.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "gui/model/format.hpp"
#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
// Packets travel within about 80 px of the line (bulk data furthest out);
// the label sits beyond them.
constexpr qreal labelOffset = 90;
}  // namespace

LinkItem::LinkItem(const LinkInfo& link, QPointF a, QPointF b, AreaIndex& taken)
    : id_{link.id}, line_{a, b}, label_{QString::fromStdString(formatLinkLabel(link.bitsPerSecond, link.delay))} {
    if (!link.loss.empty() && link.loss != "0") label_ += QStringLiteral(" \u00b7 loss %1").arg(QString::fromStdString(link.loss));
    QPointF normal{0, -1};
    if (line_.length() > 0) {
        normal = QPointF{-line_.dy(), line_.dx()} / line_.length();
        // Above the line (right of a vertical one): node labels hang below
        // their icons, so this side is usually free.
        if (normal.y() > 0 || (normal.y() == 0 && normal.x() < 0)) normal = -normal;
    }
    // Middle first; then off-centre, on the other side, further out; the
    // first spot that covers no node, no node name and no other link's label
    // wins, else the one covering least. Packets use lanes nearer the line,
    // so neither side is theirs. The label's room holds the "· DOWN" it may get.
    const QString widest = label_ + QStringLiteral(" \u00b7 DOWN");
    qreal best = -1;
    QPointF bestCentre = line_.center() + normal * labelOffset;
    for (qreal offset : {labelOffset, labelOffset * 1.5, labelOffset * 2.0, labelOffset * 2.6}) {
        for (qreal along : {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}) {
            for (qreal side : {1.0, -1.0}) {
                labelCentre_ = line_.pointAt(along) + normal * side * offset;
                const qreal area = taken.coveredArea(labelRectFor(widest));
                if (best < 0 || area < best) {
                    best = area;
                    bestCentre = labelCentre_;
                }
                if (area == 0) break;
            }
            if (best == 0) break;
        }
        if (best == 0) break;
    }
    labelCentre_ = bestCentre;
    labelRect_ = labelRectFor(shownLabel());
    reservedRect_ = labelRectFor(widest);
    taken.add(reservedRect_);
    setZValue(0);
    // A link changes only when it goes down or up: paint once, blit every frame.
    setCacheMode(DeviceCoordinateCache);
    setToolTip(label_);
}

QRectF LinkItem::labelRect() const { return labelRect_; }

QString LinkItem::shownLabel() const { return down_ ? label_ + QStringLiteral(" \u00b7 DOWN") : label_; }

QRectF LinkItem::labelRectFor(const QString& text) const {
    const QFontMetricsF metrics{look::labelFont()};
    const QSizeF size{metrics.horizontalAdvance(text) + 12, metrics.height() + 4};
    return QRectF{labelCentre_.x() - size.width() / 2, labelCentre_.y() - size.height() / 2, size.width(), size.height()};
}

void LinkItem::setDown(bool down) {
    if (down == down_) return;
    prepareGeometryChange();
    down_ = down;
    labelRect_ = labelRectFor(shownLabel());
    update();
}

QRectF LinkItem::boundingRect() const {
    return QRectF{line_.p1(), line_.p2()}.normalized().adjusted(-6, -6, 6, 6).united(labelRect_);
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(down_ ? QPen{look::dropColor(), 5 * look::lineScale(), Qt::DashLine, Qt::FlatCap}
                          : QPen{look::linkColor(), 5 * look::lineScale(), Qt::SolidLine, Qt::RoundCap});
    painter->drawLine(line_);
    painter->setPen(Qt::NoPen);
    painter->setBrush(look::halo(230));
    painter->drawRoundedRect(labelRect_, 5, 5);
    painter->setFont(look::labelFont());
    painter->setPen(down_ ? look::dropColor() : look::ink());
    painter->drawText(labelRect_, Qt::AlignCenter, shownLabel());
}

}  // namespace netstage::gui
